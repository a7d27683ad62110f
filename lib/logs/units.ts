export type DurationUnit = 'ms' | 's' | 'us' | 'ns';

export const DURATION_UNITS: readonly DurationUnit[] = ['ms', 's', 'us', 'ns'];

const TO_MS: Record<DurationUnit, number> = { ms: 1, s: 1_000, us: 1e-3, ns: 1e-6 };
const GO_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
};
const GO_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Rounded to ns so float noise (1.284511 s → 1284.5110000000002) does not leak into stored values. */
function round(ms: number): number {
  return Math.round(ms * 1e6) / 1e6;
}

/** A number, or a string holding only a number; anything else → null. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.length === 0 || value.length > 32) return null;
  if (!PLAIN_NUMBER.test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Non-negative integer (counts, tokens); numeric strings accepted. */
export function asCount(value: unknown): number | null {
  const n = asNumber(value);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

export function toMs(value: number, unit: DurationUnit): number | null {
  return Number.isFinite(value) && value >= 0 ? round(value * TO_MS[unit]) : null;
}

/** Go `time.Duration.String()` forms: `12.3ms`, `1.2s`, `1m2.5s`, `850µs`; null if not one. */
export function parseGoDuration(text: string): number | null {
  const s = text.length > 40 ? '' : text.trim();
  if (!s) return null;
  if (s === '0') return 0;
  let total = 0;
  let pos = 0;
  GO_PART.lastIndex = 0;
  for (let m = GO_PART.exec(s); m; m = GO_PART.exec(s)) {
    total += Number(m[1]) * GO_UNITS[m[2]];
    pos = GO_PART.lastIndex;
  }
  return pos === s.length && pos > 0 ? round(total) : null;
}

/** A value in a known unit: numbers and numeric strings in `unit`, strings with a unit suffix as Go durations. */
export function durationToMs(value: unknown, unit: DurationUnit): number | null {
  const n = asNumber(value);
  if (n !== null) return toMs(n, unit);
  return typeof value === 'string' ? parseGoDuration(value) : null;
}

/**
 * Keys like `duration`, `elapsed`, `latency` carry no unit. Heuristic, in order:
 * a string with a unit suffix is a Go duration; a number with a fraction is seconds
 * (Go's `Duration.Seconds()`, zap's default encoder, Python's `time.time()` deltas);
 * an integer ≥ 1e6 is nanoseconds (a Go `time.Duration` marshalled as JSON — 1e6 ms would
 * be a 17-minute request); any other integer is milliseconds.
 */
export function ambiguousDurationToMs(value: unknown): number | null {
  const n = asNumber(value);
  if (n === null) return typeof value === 'string' ? parseGoDuration(value) : null;
  const fractional = typeof value === 'string' ? value.includes('.') : !Number.isInteger(n);
  if (fractional) return toMs(n, 's');
  return toMs(n, n >= 1e6 ? 'ns' : 'ms');
}
