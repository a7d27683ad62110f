export { formatElapsed } from './duration';

const DASH = '—';
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `3 min ago`, `in 2 h`, `just now`, relative to `now` (epoch ms). */
export function formatRelative(ts: string | number | null | undefined, now: number): string {
  if (ts === null || ts === undefined) return DASH;
  const t = typeof ts === 'number' ? ts : Date.parse(ts);
  if (!Number.isFinite(t)) return DASH;
  const diff = now - t;
  const abs = Math.abs(diff);
  if (abs < 10 * SECOND) return 'just now';
  // The past rounds down ("3 h ago"); the future rounds to nearest, so a fresh 4 h silence reads "in 4 h".
  const count = (size: number) => (diff >= 0 ? Math.floor(abs / size) : Math.round(abs / size));
  const text =
    abs < MINUTE
      ? `${count(SECOND)} s`
      : abs < HOUR
        ? `${count(MINUTE)} min`
        : abs < DAY
          ? `${count(HOUR)} h`
          : `${count(DAY)} d`;
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** A time in the given zone (default: the browser's), e.g. `27 Nov, 14:05:09`. */
export function formatLocal(ts: string | number | null | undefined, timeZone?: string): string {
  if (ts === null || ts === undefined) return DASH;
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return DASH;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone,
  }).format(d);
}

/** Short axis label: `14:05`, or `27 Nov` when the range spans days. */
export function formatAxisTime(ms: number, spanMs: number, timeZone?: string): string {
  const opts: Intl.DateTimeFormatOptions =
    spanMs > 2 * DAY ? { day: 'numeric', month: 'short' } : { hour: '2-digit', minute: '2-digit', hour12: false };
  return new Intl.DateTimeFormat('en-GB', { ...opts, timeZone }).format(new Date(ms));
}

/** The UTC instant for tooltips: `2026-11-27 14:05:09 UTC`. */
export function formatUtc(ts: string | number | null | undefined): string {
  if (ts === null || ts === undefined) return DASH;
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return DASH;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
