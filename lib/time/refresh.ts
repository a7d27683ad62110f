import { parseDuration } from '@/lib/config/duration';

/** The one auto-refresh default for every live view. */
export const REFRESH_INTERVAL_MS = 10_000;
const MIN_REFRESH_MS = 1_000;

/** What the refresh picker offers; any other duration still works from the URL. */
export const REFRESH_CHOICES = ['off', '5s', '10s', '30s', '1m', '5m'] as const;

/** The `refresh` URL parameter: `10s`, `1m`, `off`; missing or unreadable means the default. */
export function parseRefresh(value: string | null | undefined): number {
  if (value === null || value === undefined || value === '') return REFRESH_INTERVAL_MS;
  if (value === 'off' || value === '0') return 0;
  const ms = parseDuration(value);
  if (ms === null) return REFRESH_INTERVAL_MS;
  return Math.max(ms, MIN_REFRESH_MS);
}
