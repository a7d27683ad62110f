import type { Level } from '../types';
import { fracMs, type LineContext, MONTHS, naiveMs, yearlessMs } from './clock';
import { type FamilyHit, hit } from './family';

// 3.0+: `1:M 02 Jan 2024 03:04:05.678 * Ready to accept connections` (role X sentinel, C child, S replica, M master);
// 2.x: `[1234] 02 Jan 03:04:05.678 # message` without a year.
const LINE =
  /^(?:(\d+):([XCSM])|\[(\d+)\]) (\d{2}) ([A-Z][a-z]{2})(?: (\d{4}))? (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))? ([.\-*#]) /;
const MARKS: Record<string, Level> = { '.': 'debug', '-': 'debug', '*': 'info', '#': 'warn' };
const ROLES: Record<string, string> = { X: 'sentinel', C: 'child', S: 'replica', M: 'master' };

export function parseRedis(line: string, ctx: LineContext): FamilyHit | null {
  const m = LINE.exec(line);
  if (!m) return null;
  const mo = MONTHS[m[5]];
  if (!mo) return null;
  const ms = fracMs(m[10]);
  const time = m[6]
    ? naiveMs(ctx, +m[6], mo, +m[4], +m[7], +m[8], +m[9], ms)
    : yearlessMs(ctx, mo, +m[4], +m[7], +m[8], +m[9], ms);
  const fields: Record<string, unknown> = { pid: Number(m[1] ?? m[3]) };
  if (m[2]) fields.role = ROLES[m[2]];
  return hit('redis', time, MARKS[m[11]], line.slice(m[0].length), fields);
}
