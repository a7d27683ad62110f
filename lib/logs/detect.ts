import { isRecord } from './field-path';
import type { JsonIssue } from './types';

/** Deeper JSON is read as text: V8 parses it, but JSON.stringify (storage) overflows the stack. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 123;
const OPENERS = ['{', '['] as const;
const CLOSE_BRACE = 125;

/** Exact nesting check, string-aware, stopping as soon as the limit is passed. */
function deeperThan(line: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** Fewer than `limit` opening brackets in total cannot nest deeper than `limit`: native indexOf keeps the common case cheap. */
function fewBrackets(line: string, limit: number): boolean {
  let count = 0;
  for (const ch of OPENERS) {
    for (let i = line.indexOf(ch); i !== -1; i = line.indexOf(ch, i + 1)) {
      if (++count > limit) return false;
    }
  }
  return true;
}

export type JsonAttempt =
  | { kind: 'object'; fields: Record<string, unknown> }
  | { kind: 'not_json' }
  | { kind: 'issue'; issue: JsonIssue };

/** The first and last non-blank characters are `{` and `}` → one JSON.parse, guarded against depth bombs. */
export function tryParseJsonObject(line: string): JsonAttempt {
  let a = 0;
  let b = line.length - 1;
  while (a <= b && line.charCodeAt(a) <= 32) a++;
  while (b >= a && line.charCodeAt(b) <= 32) b--;
  if (line.charCodeAt(a) !== OPEN_BRACE) return { kind: 'not_json' };
  if (line.charCodeAt(b) !== CLOSE_BRACE) return { kind: 'issue', issue: 'invalid' };
  if (!fewBrackets(line, MAX_JSON_DEPTH) && deeperThan(line, MAX_JSON_DEPTH))
    return { kind: 'issue', issue: 'too_deep' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'issue', issue: 'invalid' };
  }
  return isRecord(value) ? { kind: 'object', fields: value } : { kind: 'issue', issue: 'invalid' };
}
