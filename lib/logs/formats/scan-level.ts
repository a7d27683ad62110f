import { normalizeLevel } from '../level';
import type { Level } from '../types';

const NEAR_TOKENS = 3;
// Past the third token only UPPERCASE or bracketed words count (BGL's `… RAS KERNEL INFO …`, `[error]`).
const FAR_TOKENS = 10;
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
 * A level word among the first tokens after `pos`, stripped of [] () <> : | wrappers. Only the
 * first token may be in any case ("error: …"); later ones must be UPPERCASE or bracketed, so
 * prose like "the error was" is not a level.
 */
export function scanLevel(line: string, pos: number): { level: Level; end: number; first: boolean } | null {
  let i = pos;
  const stop = Math.min(line.length, pos + 200);
  for (let t = 0; t < FAR_TOKENS && i < stop; ) {
    while (i < stop && isSpace(line.charCodeAt(i))) i++;
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
      const eligible = !digit && (t === 0 || wrapped || isUpperWord(line, a, b));
      const level = eligible ? normalizeLevel(line.slice(a, b)) : null;
      if (level) return { level, end: i, first: t === 0 };
    }
    t++;
    if (t >= NEAR_TOKENS && line.charCodeAt(i - 1) === 58 && line.charCodeAt(start) !== 91) {
      // `component: free text` — past this colon the words are the message's, not a level.
      return null;
    }
  }
  return null;
}
