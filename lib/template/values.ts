import { formatG } from './go-number';

/** Methods a value offers to `.Name` (Go methods on its type), e.g. KV.SortedPairs or Alerts.Firing. */
export const METHODS = Symbol('go-methods');
/** The Go type name a struct or slice reports in error messages. */
export const TYPE = Symbol('go-type');
export type Method = (...args: Value[]) => Value;
export type Methods = Record<string, Method>;

/** A Go map: keys print and range in sorted order; `zero` is what a missing key gives under missingkey=zero. */
export class GoMap {
  constructor(
    readonly entries: Map<string, Value>,
    readonly zero: Value = undefined,
    private readonly methods?: Methods,
    readonly type?: string,
  ) {}
  get [METHODS](): Methods | undefined {
    return this.methods;
  }
  static of(record: Record<string, Value>, zero: Value = undefined, methods?: Methods, type?: string): GoMap {
    return new GoMap(new Map(Object.entries(record)), zero, methods, type);
  }
  sortedKeys(): string[] {
    return [...this.entries.keys()].sort();
  }
}

/** A Go struct: plain fields, optional methods. */
export type GoStruct = { readonly [field: string]: Value; [METHODS]?: Methods; [TYPE]?: string };
export type GoSlice = Value[] & { [METHODS]?: Methods; [TYPE]?: string };

/**
 * Template values: string, float64 (number), int (bigint), bool, nil (null), "no value"
 * (undefined: a missing key or an unset result), slices, maps, structs, and objects whose
 * String method prints them (time.Time, time.Duration).
 */
export type Value = string | number | bigint | boolean | null | undefined | GoSlice | GoMap | GoStruct;

export function methodsOf(v: Value): Methods | undefined {
  return v !== null && typeof v === 'object' ? v[METHODS] : undefined;
}

export function withMethods<T extends GoSlice | GoStruct>(v: T, methods: Methods, type?: string): T {
  Object.defineProperty(v, METHODS, { value: methods, enumerable: false });
  if (type) Object.defineProperty(v, TYPE, { value: type, enumerable: false });
  return v;
}

export function withType<T extends GoSlice | GoStruct>(v: T, type: string): T {
  Object.defineProperty(v, TYPE, { value: type, enumerable: false });
  return v;
}

/** Go type names for error messages. */
export function typeName(v: Value): string {
  if (v === undefined) return '<nil>';
  if (v === null) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoMap) return v.type ?? (v.zero === '' ? 'map[string]string' : 'map[string]interface {}');
  return v[TYPE] ?? (Array.isArray(v) ? '[]interface {}' : 'struct');
}

/** Go's template truth: empty strings, slices and maps, zero numbers, false and nil are false. */
export function isTrue(v: Value): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoMap) return v.entries.size > 0;
  return true;
}

/** fmt's %v, as text/template prints an action's value. */
export function printValue(v: Value, top = true): string {
  if (v === undefined) return top ? '<no value>' : '<nil>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatG(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  const str = methodsOf(v)?.String;
  if (str) return String(str());
  if (Array.isArray(v)) return `[${v.map((x) => printValue(x, false)).join(' ')}]`;
  if (v instanceof GoMap)
    return `map[${v
      .sortedKeys()
      .map((k) => `${k}:${printValue(v.entries.get(k), false)}`)
      .join(' ')}]`;
  return `{${Object.values(v)
    .map((x) => printValue(x, false))
    .join(' ')}}`;
}

/** fmt.Sprint: a space between operands when neither side is a string. */
export function sprint(args: Value[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += printValue(a, false);
  });
  return out;
}

export function toStr(v: Value, what = 'value'): string {
  if (typeof v === 'string') return v;
  throw new Error(`wrong type for ${what}; expected string; got ${typeName(v)}`);
}
