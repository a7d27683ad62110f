import type { Db } from '@/lib/db/connection';
import { getRequestAgg, shapeUsage } from './get-request-agg';
import type { LogFilters } from './log-filters';

/** Per provider and model over [from, to), busiest first; `share` is of all requests. */
export function getStatsModels(db: Db, from: number, to: number, filters: LogFilters) {
  const out = [];
  const providers = [...getRequestAgg(db, from, to, 'provider', filters)];
  const total = providers.reduce((n, [, a]) => n + a.requests, 0);
  for (const [provider] of providers) {
    for (const [model, a] of getRequestAgg(db, from, to, 'model', { ...filters, provider })) {
      out.push({
        provider: provider || 'unknown',
        model: model || 'unknown',
        share: total ? a.requests / total : 0,
        ...shapeUsage(a),
      });
    }
  }
  return out.sort((x, y) => y.requests - x.requests);
}
