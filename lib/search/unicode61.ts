import { unicode61Tokens } from '@/lib/db/unicode61-probe';

/** Per code point: SEPARATOR, REMOVED (a diacritic folded away) or the code point it folds to. */
const SEPARATOR = -1;
const REMOVED = 0;
const folds = new Map<number, number>();

/** Learns how the tokenizer treats each code point: `x<c>y` is one token, two, or `xy`. */
function learn(codes: number[]): void {
  const tokens = unicode61Tokens(codes.map((c) => ` x${String.fromCodePoint(c)}y`).join(''));
  let i = 0;
  for (const c of codes) {
    const t = tokens[i];
    if (t === 'x') {
      folds.set(c, SEPARATOR);
      i += 2;
    } else {
      folds.set(c, t === 'xy' ? REMOVED : (t.slice(1, -1).codePointAt(0) ?? REMOVED));
      i += 1;
    }
  }
}

const NON_ASCII = /[^\p{ASCII}]/u;

export const isAscii = (text: string) => !NON_ASCII.test(text);
const ASCII_RUN = /[a-z0-9]+/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The full-text index's tokens of `text` (unicode61, diacritics removed), or null for text SQLite
 * would store differently (a lone surrogate, a NUL).
 */
export function ftsTokens(text: string): string[] {
  if (isAscii(text)) return text.toLowerCase().match(ASCII_RUN) ?? [];
  const unknown: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c > 0x7f && !folds.has(c) && !unknown.includes(c)) unknown.push(c);
  }
  if (unknown.length) learn(unknown);
  const out: string[] = [];
  let token = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    let f: number;
    if (c <= 0x7f) {
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      f = (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) ? lower : SEPARATOR;
    } else {
      f = folds.get(c) as number;
    }
    if (f === SEPARATOR) {
      if (token) out.push(token);
      token = '';
    } else if (f !== REMOVED) {
      token += String.fromCodePoint(f);
    }
  }
  if (token) out.push(token);
  return out;
}

/** Whether SQLite stores `text` as the same characters (no lone surrogate, no NUL). */
export const tokenizable = (text: string) => !LONE_SURROGATE.test(text) && !text.includes('\0');
