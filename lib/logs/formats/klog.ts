import type { Level } from '../types';
import { fracMs, type LineContext, yearlessMs } from './clock';
import { type FamilyHit, hit } from './family';

// klog/glog header `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg` (no year; L is I, W, E or F).
const HEADER = /^([IWEF])(\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6}) +(\d+) ([^\s:\]]+):(\d+)\] /;
const LETTERS: Record<string, Level> = { I: 'info', W: 'warn', E: 'error', F: 'fatal' };

export function parseKlog(line: string, ctx: LineContext): FamilyHit | null {
  const m = HEADER.exec(line);
  if (!m) return null;
  const time = yearlessMs(ctx, +m[2], +m[3], +m[4], +m[5], +m[6], fracMs(m[7]));
  const fields = { thread: Number(m[8]), file: m[9], line: Number(m[10]) };
  return hit('klog', time, LETTERS[m[1]], line.slice(m[0].length), fields);
}
