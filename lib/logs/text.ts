import { normalizeLevel } from './level';
import { matchLeadingTimestamp } from './time';
import type { Level } from './types';

export interface TextParts {
  /** undefined: no leading timestamp; null: one that looked like a time but is invalid. */
  time: number | null | undefined;
  level: Level | null;
  message: string;
}

const LEVEL_SCAN_TOKENS = 3;
const WRAPPERS = new Set([91, 93, 40, 41, 60, 62, 58, 124, 44, 45]); // [ ] ( ) < > : | , -

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isUpperWord(line: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = line.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/**
 * A level word among the first few tokens after `pos`, stripped of [] () <> : | wrappers.
 * Only the first token may be in any case ("error: …"); later ones must be UPPERCASE or
 * bracketed, so prose like "the error was" is not a level.
 */
function findLevel(line: string, pos: number): { level: Level; end: number; first: boolean } | null {
  let i = pos;
  for (let t = 0; t < LEVEL_SCAN_TOKENS && i < line.length; ) {
    while (i < line.length && isSpace(line.charCodeAt(i))) i++;
    const start = i;
    while (i < line.length && !isSpace(line.charCodeAt(i)) && i - start < 24) i++;
    let a = start;
    let b = i;
    while (a < b && WRAPPERS.has(line.charCodeAt(a))) a++;
    while (b > a && WRAPPERS.has(line.charCodeAt(b - 1))) b--;
    if (a === b) continue; // a bare separator such as "-" is not a token
    if (b - a >= 3 && b - a <= 13) {
      const digit = line.charCodeAt(a) >= 48 && line.charCodeAt(a) <= 57;
      const opener = line.charCodeAt(start);
      const wrapped = opener === 91 || opener === 40 || opener === 60; // [ ( <
      // Bare numbers are pids and counters in text, not pino levels.
      const level = digit || !(t === 0 || wrapped || isUpperWord(line, a, b)) ? null : normalizeLevel(line.slice(a, b));
      if (level) return { level, end: i, first: t === 0 };
    }
    t++;
  }
  return null;
}

/**
 * Plain text: an optional leading timestamp (ISO-like with `T` or space and `.`/`,` fraction, or
 * nginx/CLF, optionally in brackets), then a level word if one is among the next three tokens.
 * The message is the line without the timestamp and, when it comes right after it, the level
 * word; everything else stays verbatim.
 */
export function parseTextLine(line: string): TextParts {
  let pos = 0;
  while (pos < line.length && isSpace(line.charCodeAt(pos))) pos++;
  const bracket = line.charCodeAt(pos) === 91;
  const stamp = matchLeadingTimestamp(line, bracket ? pos + 1 : pos);
  let time: number | null | undefined;
  let rest = 0;
  if (stamp && (!bracket || line.charCodeAt(stamp.end) === 93)) {
    time = stamp.ms;
    rest = bracket ? stamp.end + 1 : stamp.end;
  }
  const found = findLevel(line, rest);
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
