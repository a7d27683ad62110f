import type { Level } from '../types';
import { type LineContext, yearlessMs } from './clock';
import { type FamilyHit, hit } from './family';

// `adb logcat -v threadtime`: `03-17 16:13:38.811  1702  2395 D WindowManager: message` (no year).
const THREADTIME = /^(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3}) +(\d+) +(\d+) ([VDIWEFA]) (.*?) ?: /;
const LETTERS: Record<string, Level> = {
  V: 'trace',
  D: 'debug',
  I: 'info',
  W: 'warn',
  E: 'error',
  F: 'fatal',
  A: 'fatal',
};

export function parseLogcat(line: string, ctx: LineContext): FamilyHit | null {
  const m = THREADTIME.exec(line);
  if (!m) return null;
  const time = yearlessMs(ctx, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6]);
  const fields = { pid: Number(m[7]), tid: Number(m[8]), tag: m[10].trimEnd() };
  return hit('logcat', time, LETTERS[m[9]], line.slice(m[0].length), fields);
}
