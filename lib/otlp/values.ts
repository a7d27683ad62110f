import { OtlpError } from './otlp-error';

/** Attribute values nest at most this deep; Lookout's JSON fields are read to 64 levels, and no SDK comes near. */
export const MAX_VALUE_DEPTH = 32;

export type Obj = Record<string, unknown>;

/** A record that cannot be stored as sent; the rest of its request is (OTLP partial success). */
export class RecordRejected extends Error {}

const bad = (path: string, what: string) => new OtlpError(400, `${path} is not ${what}.`);

export function list(v: unknown, path: string): Obj[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw bad(path, 'an array');
  for (const [i, el] of v.entries()) if (el === null || typeof el !== 'object') throw bad(`${path}[${i}]`, 'an object');
  return v as Obj[];
}

export function object(v: unknown, path: string): Obj | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw bad(path, 'an object');
  return v as Obj;
}

export function text(v: unknown, path: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw bad(path, 'a string');
  return v;
}

/** A 64-bit integer as the JSON encoding allows it (decimal string or number); 0 when absent. */
export function int64(v: unknown, path: string): bigint {
  if (v === undefined || v === null || v === '') return 0n;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d{1,20}$/.test(v)) return BigInt(v);
  throw bad(path, 'an integer');
}

/** A nanosecond timestamp as epoch milliseconds, or null when absent (0). */
export function nanosToMs(v: unknown, path: string): number | null {
  const ns = int64(v, path);
  return ns <= 0n ? null : Number(ns / 1_000_000n);
}

/** A double as the JSON encoding allows it ("NaN", "Infinity" and "-Infinity" as strings). */
export function double(v: unknown, path: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw bad(path, 'a number');
}

/**
 * Trace and span ids: lowercase hex. The JSON encoding sends them as hex; protobuf decoding gives
 * base64 (bytes). All zeros or empty means none.
 */
export function traceId(v: unknown, path: string, base64: boolean): string | null {
  const s = text(v, path);
  if (!s) return null;
  const hex = base64 ? Buffer.from(s, 'base64').toString('hex') : s.toLowerCase();
  if (!/^[0-9a-f]*$/.test(hex) || hex.length % 2) throw bad(path, 'a hex id');
  return /^0*$/.test(hex) ? null : hex;
}

/** An AnyValue as plain JSON: maps become objects, arrays arrays, int64 numbers (or strings beyond 2^53). */
export function anyValue(v: unknown, path: string, depth = 0): unknown {
  const o = object(v, path);
  if (!o) return null;
  if (depth > MAX_VALUE_DEPTH) throw new RecordRejected(`${path} nests deeper than ${MAX_VALUE_DEPTH} levels`);
  if ('stringValue' in o) return text(o.stringValue, `${path}.stringValue`);
  if ('boolValue' in o) {
    if (typeof o.boolValue !== 'boolean') throw bad(`${path}.boolValue`, 'a boolean');
    return o.boolValue;
  }
  if ('intValue' in o) {
    const n = int64(o.intValue, `${path}.intValue`);
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
  }
  if ('doubleValue' in o) {
    const d = double(o.doubleValue, `${path}.doubleValue`);
    return Number.isFinite(d) ? d : String(d);
  }
  if ('bytesValue' in o) return text(o.bytesValue, `${path}.bytesValue`);
  if ('arrayValue' in o) {
    const values = list(object(o.arrayValue, `${path}.arrayValue`)?.values, `${path}.arrayValue.values`);
    return values.map((el, i) => anyValue(el, `${path}.arrayValue.values[${i}]`, depth + 1));
  }
  if ('kvlistValue' in o)
    return attributes(object(o.kvlistValue, `${path}.kvlistValue`)?.values, `${path}.kvlistValue.values`, depth + 1);
  return null;
}

/** A KeyValue list as an object; a later duplicate key wins, as in the SDKs. */
export function attributes(v: unknown, path: string, depth = 0): Obj {
  const out: Obj = {};
  for (const [i, kv] of list(v, path).entries()) {
    const key = text(kv.key, `${path}[${i}].key`);
    out[key] = anyValue(kv.value, `${path}[${i}].value`, depth);
  }
  return out;
}

/** Attribute values as Prometheus label values: strings as they are, the rest as JSON. */
export function labelValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
