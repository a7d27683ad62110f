import { normalizeLevel } from '../level';
import { fracMs, type LineContext, naiveMs } from './clock';
import { type FamilyHit, hit } from './family';

// The logging cookbook's `%(asctime)s - %(name)s - %(levelname)s - %(message)s`.
const COOKBOOK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3}) - (\S+) - ([A-Z]+) - /;
// basicConfig's default `%(levelname)s:%(name)s:%(message)s` (no time).
const BASIC = /^(DEBUG|INFO|WARNING|ERROR|CRITICAL):([\w.-]+):/;

export function parsePython(line: string, ctx: LineContext): FamilyHit | null {
  const m = COOKBOOK.exec(line);
  if (m) {
    const level = normalizeLevel(m[9]);
    if (!level) return null;
    const time = naiveMs(ctx, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6], fracMs(m[7]));
    return hit('python', time, level, line.slice(m[0].length), { logger: m[8] });
  }
  const b = BASIC.exec(line);
  if (!b) return null;
  return hit('python', undefined, normalizeLevel(b[1]), line.slice(b[0].length), { logger: b[2] });
}
