import type { Db } from '@/lib/db/connection';
import { quantile } from '@/lib/stats/histogram';
import { getRequestAgg } from './get-request-agg';
import type { LogFilters } from './log-filters';

const ms = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** Per-provider usage over [from, to), busiest first; requests with no known provider are "unknown". */
export function getStatsProviders(db: Db, from: number, to: number, filters: LogFilters) {
  return [...getRequestAgg(db, from, to, 'provider', filters)]
    .map(([provider, a]) => ({
      provider: provider || 'unknown',
      requests: a.requests,
      errors: a.errors,
      error_rate: a.requests ? a.errors / a.requests : 0,
      rate_limited: a.rateLimited,
      p50_ms: ms(quantile(a.hist, 0.5)),
      p95_ms: ms(quantile(a.hist, 0.95)),
      input_tokens: a.inputTokens,
      output_tokens: a.outputTokens,
    }))
    .sort((x, y) => y.requests - x.requests || x.provider.localeCompare(y.provider));
}
