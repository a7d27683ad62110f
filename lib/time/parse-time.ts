import { parseDuration } from '@/lib/config/duration';

/**
 * Parses an API time parameter: RFC 3339, epoch milliseconds, or relative (`now`, `now-15m`, `now+2h`).
 * Returns null when the text is none of these.
 */
export function parseTime(text: string, now: number): number | null {
  const ms = parseTimeUnchecked(text, now);
  // Outside 1970…9999 a time cannot be printed as RFC 3339 and only makes for absurd ranges.
  return ms !== null && Number.isFinite(ms) && ms >= 0 && ms <= MAX_TIME_MS ? ms : null;
}

const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function parseTimeUnchecked(text: string, now: number): number | null {
  const s = text.trim();
  if (s === 'now') return now;
  const rel = /^now([+-])(.+)$/.exec(s);
  if (rel) {
    const d = parseDuration(rel[2]);
    return d === null ? null : rel[1] === '-' ? now - d : now + d;
  }
  if (/^\d{1,16}$/.test(s)) return Number(s);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}
