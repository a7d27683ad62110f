import type { Db } from '@/lib/db/connection';
import { quantile } from '@/lib/stats/histogram';
import { emptyAgg, getRequestAgg, roundMs as ms } from './get-request-agg';
import type { LogFilters } from './log-filters';

/** The overview's headline numbers for [from, to). */
export function getStatsSummary(db: Db, from: number, to: number, filters: LogFilters) {
  const a = getRequestAgg(db, from, to, 'none', filters).get('all') ?? emptyAgg();
  return {
    requests: a.requests,
    errors: a.errors,
    error_rate: a.requests ? a.errors / a.requests : 0,
    client_errors: a.clientErrors,
    rate_limited: a.rateLimited,
    latency_ms: { p50: ms(quantile(a.hist, 0.5)), p95: ms(quantile(a.hist, 0.95)), p99: ms(quantile(a.hist, 0.99)) },
    tokens: { input: a.inputTokens, output: a.outputTokens },
  };
}
