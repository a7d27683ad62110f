import { normalizeLevel } from '../level';
import { type LineContext, naiveMs } from './clock';
import { type FamilyHit, hit } from './family';

// Windows CBS.log (local time, no zone): `2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack …`.
const LINE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}), (Info|Warning|Error|Perf|Debug) +(?:(\w+) +)?/;

export function parseWindowsCbs(line: string, ctx: LineContext): FamilyHit | null {
  const m = LINE.exec(line);
  if (!m) return null;
  const time = naiveMs(ctx, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6], 0);
  const level = m[7] === 'Perf' ? 'debug' : normalizeLevel(m[7]);
  const fields: Record<string, unknown> = {};
  if (m[8]) fields.component = m[8];
  return hit('windows-cbs', time, level, line.slice(m[0].length), fields);
}
