import { scanLevel } from './formats/scan-level';
import { matchLeadingTimestamp } from './time';
import type { Level } from './types';

export interface TextParts {
  /** undefined: no leading timestamp; null: one that looked like a time but is invalid. */
  time: number | null | undefined;
  level: Level | null;
  message: string;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Plain text: an optional leading timestamp (ISO-like with `T` or space and `.`/`,` fraction, or
 * nginx/CLF, optionally in brackets), then a level word if one is among the next three tokens.
 * The message is the line without the timestamp and, when it comes right after it, the level
 * word; everything else stays verbatim.
 */
export function parseTextLine(line: string, zone: string | null = null): TextParts {
  let pos = 0;
  while (pos < line.length && isSpace(line.charCodeAt(pos))) pos++;
  const bracket = line.charCodeAt(pos) === 91;
  const stamp = matchLeadingTimestamp(line, bracket ? pos + 1 : pos, zone);
  let time: number | null | undefined;
  let rest = 0;
  if (stamp && (!bracket || line.charCodeAt(stamp.end) === 93)) {
    time = stamp.ms;
    rest = bracket ? stamp.end + 1 : stamp.end;
  }
  const found = scanLevel(line, rest);
  // Without a timestamp the line is kept whole: "Error: ENOENT …" reads better than "ENOENT …".
  if (found?.first && time !== undefined) rest = found.end;
  if (rest === 0) return { time, level: found ? found.level : null, message: line };
  let start = rest;
  while (
    start < line.length &&
    (isSpace(line.charCodeAt(start)) || line.charCodeAt(start) === 58 || line.charCodeAt(start) === 45)
  )
    start++;
  return { time, level: found ? found.level : null, message: line.slice(start) };
}
