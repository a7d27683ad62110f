import type { Db } from '@/lib/db/connection';
import { quantile } from '@/lib/stats/histogram';
import { getRequestAgg } from './get-request-agg';
import type { LogFilters } from './log-filters';

const ms = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

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
        requests: a.requests,
        share: total ? a.requests / total : 0,
        errors: a.errors,
        error_rate: a.requests ? a.errors / a.requests : 0,
        rate_limited: a.rateLimited,
        p50_ms: ms(quantile(a.hist, 0.5)),
        p95_ms: ms(quantile(a.hist, 0.95)),
        input_tokens: a.inputTokens,
        output_tokens: a.outputTokens,
      });
    }
  }
  return out.sort((x, y) => y.requests - x.requests);
}
