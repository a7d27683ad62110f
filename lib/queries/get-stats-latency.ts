import type { Db } from '@/lib/db/connection';
import { bucketValue, quantile } from '@/lib/stats/histogram';
import { emptyAgg, getRequestAgg, roundMs as ms } from './get-request-agg';
import type { LogFilters } from './log-filters';

export const LATENCY_EDGES_MS = [
  5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000,
] as const;

/** Request latency as a histogram with Prometheus-like edges (counts per bucket, the last one open-ended). */
export function getStatsLatency(db: Db, from: number, to: number, filters: LogFilters) {
  const a = getRequestAgg(db, from, to, 'none', filters).get('all') ?? emptyAgg();
  const counts: number[] = new Array(LATENCY_EDGES_MS.length + 1).fill(0);
  for (const [i, n] of a.hist) {
    const v = bucketValue(i);
    const slot = LATENCY_EDGES_MS.findIndex((edge) => v <= edge);
    counts[slot === -1 ? LATENCY_EDGES_MS.length : slot] += n;
  }
  return {
    buckets: counts.map((count, i) => ({ le_ms: i < LATENCY_EDGES_MS.length ? LATENCY_EDGES_MS[i] : null, count })),
    p50: ms(quantile(a.hist, 0.5)),
    p95: ms(quantile(a.hist, 0.95)),
    p99: ms(quantile(a.hist, 0.99)),
  };
}
