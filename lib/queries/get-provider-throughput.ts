import type { Db } from '@/lib/db/connection';

/**
 * Output tokens per second of request time per provider over [from, to), from requests that logged output
 * tokens and a duration (CCProxy v0; v1 logs no output tokens, so its providers have none).
 */
export function getProviderThroughput(db: Db, from: number, to: number): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT provider, SUM(output_tokens) tokens, SUM(duration_ms) ms FROM requests
       WHERE ts >= @from AND ts < @to AND provider IS NOT NULL AND output_tokens > 0 AND duration_ms > 0
       GROUP BY provider`,
    )
    .all({ from, to }) as { provider: string; tokens: number; ms: number }[];
  return new Map(rows.map((r) => [r.provider, r.tokens / (r.ms / 1000)]));
}
