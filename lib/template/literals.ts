import type { Token } from './lex';
import type { Value } from './values';

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** strconv.Unquote for "…" and `…` (and the body of '…'). */
export function unquote(t: Token, fail: (m: string, p: number) => never): string {
  if (t.type === 'rawString') return t.value.slice(1, -1).replace(/\r/g, '');
  const body = t.value.slice(1, -1);
  let out = '';
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++k];
    const hex = (n: number) => {
      const h = body.slice(k + 1, k + 1 + n);
      if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== n) fail(`invalid syntax`, t.pos);
      k += n;
      return parseInt(h, 16);
    };
    if (e in ESCAPES) out += ESCAPES[e];
    else if (e === 'x') out += String.fromCharCode(hex(2));
    else if (e === 'u') out += String.fromCodePoint(hex(4));
    else if (e === 'U') out += String.fromCodePoint(hex(8));
    else if (/[0-7]/.test(e)) {
      out += String.fromCharCode(parseInt(body.slice(k, k + 3), 8));
      k += 2;
    } else fail(`invalid syntax`, t.pos);
  }
  return out;
}

/** Go's ideal constants: an int unless the text has . e E p P (outside hex) or is a quoted rune; floats stay float64. */
export function number(t: Token, fail: (m: string, p: number) => never): Value {
  if (t.type === 'char') return BigInt(unquote(t, fail).codePointAt(0) ?? 0);
  const text = t.value.replace(/_/g, '');
  if (text.endsWith('i')) return fail(`complex numbers are not supported: ${t.value}`, t.pos);
  const hex = /^[+-]?0[xX]/.test(text);
  const isFloat = hex ? /[.pP]/.test(text) : /[.eE]/.test(text);
  if (!isFloat) {
    const neg = text.startsWith('-');
    const body = text.replace(/^[+-]/, '');
    const lit = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body;
    try {
      const v = BigInt(lit);
      return neg ? -v : v;
    } catch {
      return fail(`bad number syntax: "${t.value}"`, t.pos);
    }
  }
  const v = hex ? Number.NaN : Number(text);
  if (Number.isNaN(v)) return fail(`bad number syntax: "${t.value}"`, t.pos);
  return v;
}
