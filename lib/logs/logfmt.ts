const SPACE = 32;
const TAB = 9;
const EQ = 61;
const QUOTE = 34;
const BACKSLASH = 92;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Reads a quoted value starting after the opening quote; returns the value and the index after the closing quote. */
function readQuoted(line: string, start: number): [string, number] {
  let out = '';
  let chunk = start;
  let i = start;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) return [out + line.slice(chunk, i), i + 1];
    if (c === BACKSLASH && i + 1 < line.length) {
      const next = line[i + 1];
      out += line.slice(chunk, i) + (ESCAPES[next] ?? `\\${next}`);
      i++;
      chunk = i + 1;
    }
  }
  // An unterminated quote takes the rest of the line rather than failing the whole line.
  return [out + line.slice(chunk), i];
}

/**
 * `key=value key="quoted \" value" flag` → { key: 'value', …, flag: 'true' } (go-logfmt's reading of a bare key).
 * Values stay strings: the original fields, as written. Returns null when the line is not logfmt:
 * it must start with `key=` and at least half of its tokens must be `key=value` pairs
 * (`strict`; a source forced to logfmt only needs one token).
 */
export function parseLogfmt(line: string, strict = true): Record<string, string> | null {
  const fields: Record<string, string> = {};
  let pairs = 0;
  let bare = 0;
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c === EQ || isSpace(c) || c === QUOTE) break;
      i++;
    }
    const key = line.slice(keyStart, i);
    if (i < n && line.charCodeAt(i) === EQ) {
      if (key.length === 0) return null;
      i++;
      let value: string;
      if (i < n && line.charCodeAt(i) === QUOTE) {
        [value, i] = readQuoted(line, i + 1);
      } else {
        const valueStart = i;
        while (i < n && !isSpace(line.charCodeAt(i))) i++;
        value = line.slice(valueStart, i);
      }
      fields[key] = value;
      pairs++;
    } else {
      if (pairs === 0 && strict) return null;
      if (key.length === 0) {
        i++; // a stray quote
      } else if (!Object.hasOwn(fields, key)) {
        fields[key] = 'true';
      }
      bare++;
    }
  }
  if (!strict) return pairs + bare > 0 ? fields : null;
  return pairs > 0 && pairs >= bare ? fields : null;
}

/** Cheap pre-check so text lines do not pay for a full logfmt parse: the first token must be `key=`. */
export function looksLikeLogfmt(line: string, start: number): boolean {
  const limit = Math.min(line.length, start + 64);
  for (let i = start; i < limit; i++) {
    const c = line.charCodeAt(i);
    if (c === EQ) return i > start;
    if (isSpace(c) || c === QUOTE || c === 91 /* [ */ || c === 123 /* { */) return false;
  }
  return false;
}
