import { formatDuration, parseDuration as parseOrNull } from '@/lib/config/duration';

export { formatDuration };

/** Parses a Prometheus duration (`1h30m`, `500ms`, `7d`); throws naming the bad text. */
export function parseDuration(text: string): number {
  const ms = parseOrNull(text);
  if (ms === null) throw new Error(`not a valid duration: "${text}" (use e.g. 30s, 5m, 1h, 7d)`);
  return ms;
}
