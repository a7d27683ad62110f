import type { Db } from '@/lib/db/connection';

const BUCKET_MS = 10_000;

/**
 * Output tokens per second of request time per provider over the 10-second buckets that cover [from, to),
 * read from the rollups' buckets whose requests logged output tokens (CCProxy v0; v1 logs none, so its
 * providers have none). A rate, not a count: whole buckets at the edges are fine.
 */
export function getProviderThroughput(db: Db, from: number, to: number): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT provider, SUM(output_tokens) tokens, SUM(latency_sum) ms FROM log_rollups
       WHERE res = @res AND ts >= @from AND ts < @to AND provider != '' AND output_tokens > 0 AND latency_sum > 0
       GROUP BY provider`,
    )
    .all({ res: BUCKET_MS, from: from - (from % BUCKET_MS), to }) as { provider: string; tokens: number; ms: number }[];
  return new Map(rows.map((r) => [r.provider, r.tokens / (r.ms / 1000)]));
}
