import { fracMs, type LineContext, naiveMs } from './clock';

/** `2016/10/25 14:49:34` with an optional `.ffffff` (Go's Lmicroseconds) at `line[0]`, read in the source's zone. */
const SLASH = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? /;

export function readSlashDate(line: string, ctx: LineContext): { ms: number | null; end: number } | null {
  const m = SLASH.exec(line);
  if (!m) return null;
  return { ms: naiveMs(ctx, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6], fracMs(m[7])), end: m[0].length };
}
