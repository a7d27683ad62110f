import type { LogFilters } from '@/lib/queries/log-filters';
import { rangeOf } from './params';

/** The shared front half of every `/stats/*` read: the range on the clock and the source/provider/model filters. */
export function statsInput(
  query: { from?: string; to?: string; source?: string; provider?: string; model?: string },
  now: number,
): { from: number; to: number; filters: LogFilters } {
  return { ...rangeOf(query, now), filters: { source: query.source, provider: query.provider, model: query.model } };
}
