import { InvalidInputError } from '@/lib/errors';
import { parseTime } from '@/lib/time/parse-time';

/** A 400 naming one query or path parameter, in the shape route() gives schema failures. */
export function invalidParam(name: string, message: string): InvalidInputError {
  return new InvalidInputError('invalid_parameter', `${name}: ${message}`, [{ path: name, message }]);
}

// Beyond this, per-day charts alone would be millions of buckets.
const MAX_SPAN_MS = 100 * 365 * 86_400_000;
const MAX_POINTS = 5_000;

/** `from`/`to` (already syntax-checked by timeParam) on the clock; absent: the last `defaultSpanMs` up to now. */
export function rangeOf(
  query: { from?: string; to?: string },
  now: number,
  defaultSpanMs = 3_600_000,
): { from: number; to: number } {
  const read = (name: 'from' | 'to', fallback: number) => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    const ms = parseTime(raw, now);
    if (ms === null)
      throw invalidParam(name, `"${raw.slice(0, 64)}" is not a time; use RFC 3339, epoch milliseconds or now-15m.`);
    return ms;
  };
  const from = read('from', now - defaultSpanMs);
  const to = read('to', now);
  if (from >= to) throw invalidParam('from', 'must be before to.');
  if (to - from > MAX_SPAN_MS) throw invalidParam('from', 'the range may span at most 100 years.');
  return { from, to };
}

/** The step in ms; absent: about 120 points, rounded up to `grain`, at least `min`. */
export function stepOf(step: number | undefined, from: number, to: number, grain = 10_000, min = grain): number {
  if (step === undefined) return Math.max(min, Math.ceil((to - from) / 120 / grain) * grain);
  if ((to - from) / step > MAX_POINTS)
    throw invalidParam('step', `too small for this range (more than ${MAX_POINTS} points).`);
  return step;
}
