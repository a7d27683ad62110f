import type { Obj } from './values';

/** The answer of a quick reader for a value it leaves to the full reader (values.ts), which also names errors. */
export const SLOW = Symbol('slow');

/**
 * The AnyValue shapes SDKs send for nearly every attribute, read without building error paths: strings,
 * booleans, safe integers, finite doubles. Anything else is SLOW, and the full reader decides, the same way.
 */
export function quickValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return SLOW;
  const o = v as Obj;
  if ('stringValue' in o) return typeof o.stringValue === 'string' ? o.stringValue : SLOW;
  if ('boolValue' in o) return typeof o.boolValue === 'boolean' ? o.boolValue : SLOW;
  if ('intValue' in o) {
    const n = o.intValue;
    if (typeof n === 'string') return /^-?\d{1,15}$/.test(n) ? Number(n) + 0 : SLOW;
    return Number.isSafeInteger(n) ? (n as number) + 0 : SLOW;
  }
  if ('doubleValue' in o) return Number.isFinite(o.doubleValue) ? o.doubleValue : SLOW;
  return SLOW;
}

/** A KeyValue list of such values as an object (a later duplicate key wins), or SLOW. */
export function quickAttributes(v: unknown): Obj | typeof SLOW {
  if (v === undefined || v === null) return {};
  if (!Array.isArray(v)) return SLOW;
  const out: Obj = {};
  for (let i = 0; i < v.length; i++) {
    const kv = v[i] as Obj | null;
    if (kv === null || typeof kv !== 'object' || typeof kv.key !== 'string') return SLOW;
    const value = quickValue(kv.value);
    if (value === SLOW) return SLOW;
    out[kv.key] = value;
  }
  return out;
}

/** A nanosecond timestamp in decimal (as protobuf decoding gives it) as epoch ms, or SLOW. */
export function quickNanosToMs(v: unknown): number | typeof SLOW {
  return typeof v === 'string' && v.length >= 7 && v.length <= 19 && /^[1-9]\d*$/.test(v)
    ? Number(v.slice(0, -6))
    : SLOW;
}
