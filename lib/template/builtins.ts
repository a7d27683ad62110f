import { sprintf } from './sprintf';
import { GoMap, isTrue, printValue, sprint, typeName, type Value } from './values';

export type Func = (...args: Value[]) => Value;
export type Funcs = Record<string, Func>;

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'other';

function kindOf(v: Value): Kind {
  if (v === undefined) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}

function eq(a: Value, ...rest: Value[]): boolean {
  if (rest.length === 0) throw new Error('missing argument for comparison');
  const k1 = kindOf(a);
  for (const b of rest) {
    const k2 = kindOf(b);
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) throw new Error('incompatible types for comparison');
      continue;
    }
    if (k1 === 'other' && !(a === null || b === null))
      throw new Error(`non-comparable type ${printValue(b, false)}: ${typeName(b)}`);
    if (a === b) return true;
  }
  return false;
}

function lt(a: Value, b: Value): boolean {
  const k1 = kindOf(a);
  const k2 = kindOf(b);
  if (!['int', 'float', 'string'].includes(k1) || !['int', 'float', 'string'].includes(k2))
    throw new Error('invalid type for comparison');
  if (k1 !== k2) throw new Error('incompatible types for comparison');
  return (a as number | bigint | string) < (b as number | bigint | string);
}

function len(v: Value): bigint {
  if (v === undefined || v === null) throw new Error('len of nil pointer');
  if (typeof v === 'string') return BigInt(Buffer.byteLength(v, 'utf8'));
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof GoMap) return BigInt(v.entries.size);
  throw new Error(`len of type ${typeName(v)}`);
}

function intIndex(x: Value, cap: number, what: string): number {
  if (typeof x !== 'bigint') throw new Error(`cannot index ${what} with type ${typeName(x)}`);
  const i = Number(x);
  if (i < 0 || i >= cap) throw new Error(`index out of range: ${i}`);
  return i;
}

function index(item: Value, ...keys: Value[]): Value {
  if (item === undefined) throw new Error('index of untyped nil');
  let v: Value = item;
  for (const k of keys) {
    if (v === null || v === undefined) throw new Error('index of nil pointer');
    if (typeof v === 'string') v = BigInt(Buffer.from(v, 'utf8')[intIndex(k, Buffer.byteLength(v), 'string')]);
    else if (Array.isArray(v)) v = v[intIndex(k, v.length, 'slice/array')];
    else if (v instanceof GoMap) {
      if (typeof k !== 'string') throw new Error(`value has type ${typeName(k)}; should be string`);
      v = v.entries.has(k) ? v.entries.get(k) : (v.zero ?? null);
    } else throw new Error(`can't index item of type ${typeName(v)}`);
  }
  return v;
}

function slice(item: Value, ...idx: Value[]): Value {
  if (item === undefined || item === null) throw new Error('slice of untyped nil');
  if (idx.length > 3) throw new Error(`too many slice indexes: ${idx.length}`);
  const size = typeof item === 'string' ? Buffer.byteLength(item) : Array.isArray(item) ? item.length : -1;
  if (size < 0) throw new Error(`can't slice item of type ${typeName(item)}`);
  const [from, to] = [idx[0] === undefined ? 0 : Number(idx[0]), idx[1] === undefined ? size : Number(idx[1])];
  if (from < 0 || to > size || from > to) throw new Error(`invalid slice index: ${from} > ${to}`);
  return typeof item === 'string'
    ? Buffer.from(item, 'utf8').subarray(from, to).toString('utf8')
    : (item as Value[]).slice(from, to);
}

/** text/template's evalArgs: a lone string as is, anything else through fmt.Sprint. */
export function argsText(args: Value[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined ? '<no value>' : a)));
}

const HTML: Record<string, string> = {
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\0': '\uFFFD',
};
const JS: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

export function htmlEscape(s: string): string {
  return s.replace(/["'&<>\0]/g, (c) => HTML[c]);
}

export function jsEscape(s: string): string {
  return Array.from(s)
    .map(
      (c) =>
        JS[c] ??
        (/[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(c)
          ? c
          : `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`),
    )
    .join('');
}

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  return Array.from(new TextEncoder().encode(s))
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
      return c === ' ' ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** text/template's builtins except and/or, which the executor evaluates lazily. */
export const BUILTINS: Funcs = {
  not: (v) => !isTrue(v),
  eq,
  ne: (a, b) => !eq(a, b),
  lt: (a, b) => lt(a, b),
  le: (a, b) => lt(a, b) || eq(a, b),
  gt: (a, b) => !(lt(a, b) || eq(a, b)),
  ge: (a, b) => !lt(a, b),
  len,
  index,
  slice,
  print: (...a) => sprint(a),
  println: (...a) => `${a.map((x) => printValue(x, false)).join(' ')}\n`,
  printf: (format, ...a) => {
    if (typeof format !== 'string') throw new Error(`wrong type for value; expected string; got ${typeName(format)}`);
    return sprintf(format, a);
  },
  html: (...a) => htmlEscape(argsText(a)),
  js: (...a) => jsEscape(argsText(a)),
  urlquery: (...a) => queryEscape(argsText(a)),
};
