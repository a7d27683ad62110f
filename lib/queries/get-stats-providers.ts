import type { Db } from '@/lib/db/connection';
import { getRequestAgg, shapeUsage } from './get-request-agg';
import type { LogFilters } from './log-filters';

/** Per-provider usage over [from, to), busiest first; requests with no known provider are "unknown". */
export function getStatsProviders(db: Db, from: number, to: number, filters: LogFilters) {
  return [...getRequestAgg(db, from, to, 'provider', filters)]
    .map(([provider, a]) => ({ provider: provider || 'unknown', ...shapeUsage(a) }))
    .sort((x, y) => y.requests - x.requests || x.provider.localeCompare(y.provider));
}
