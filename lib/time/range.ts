import { parseDuration } from '@/lib/config/duration';
import { parseTime } from '@/lib/time/parse-time';

export const RANGE_PRESETS = ['15m', '1h', '6h', '24h', '7d', '30d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = '24h';

export interface TimeRange {
  /** As in the URL and the API: `now-24h`, epoch ms or RFC 3339. */
  from: string;
  to: string;
}

/** The API's own reading of a time parameter: `now`, `now-15m`, epoch ms or RFC 3339; null when unreadable. */
export const resolveTime = parseTime;

export function presetRange(preset: RangePreset): TimeRange {
  return { from: `now-${preset}`, to: 'now' };
}

/** Which preset a URL range is, or null for a custom range. */
export function matchPreset(range: TimeRange): RangePreset | null {
  if (range.to !== 'now') return null;
  return RANGE_PRESETS.find((p) => range.from === `now-${p}`) ?? null;
}

/** Reads `from`/`to` URL parameters, falling back to the preset when either is missing or unreadable. */
export function rangeFromParams(
  from: string | null,
  to: string | null,
  fallback: RangePreset = DEFAULT_PRESET,
): TimeRange {
  const now = Date.now();
  if (!from || resolveTime(from, now) === null) return presetRange(fallback);
  const end = to && resolveTime(to, now) !== null ? to : 'now';
  return { from, to: end };
}

/** Absolute bounds of a range at `now`, for chart domains. */
export function resolveRange(range: TimeRange, now: number): { from: number; to: number } {
  return { from: resolveTime(range.from, now) ?? now - 86_400_000, to: resolveTime(range.to, now) ?? now };
}

/** How far before now a relative time is (`now-1h` → 3 600 000, `now` → 0); null for absolute times. */
function offsetOf(text: string): number | null {
  if (text.trim() === 'now') return 0;
  const rel = /^now-(.+)$/.exec(text.trim());
  return rel ? parseDuration(rel[1]) : null;
}

/**
 * The window of equal length just before `range`, for "change vs previous period".
 * A relative range stays relative (`now-1h..now` → `now-7200000ms..now-3600000ms`) so its SWR key is stable.
 */
export function previousRange(range: TimeRange, now: number): TimeRange {
  const a = offsetOf(range.from);
  const b = offsetOf(range.to);
  if (a !== null && b !== null) {
    const len = a - b;
    return { from: `now-${a + len}ms`, to: b + len === 0 ? 'now' : `now-${b + len}ms` };
  }
  const { from, to } = resolveRange(range, now);
  return { from: String(from - (to - from)), to: String(from) };
}

/** An absolute window as URL parameters (epoch ms), as drill-downs and custom ranges write it. */
export const absoluteRange = (from: number, to: number): TimeRange => ({
  from: String(Math.round(from)),
  to: String(Math.round(to)),
});
