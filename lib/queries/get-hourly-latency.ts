import type { Db } from '@/lib/db/connection';

const HOUR_MS = 3_600_000;

/** Mean response time per hour of one target since `from` (1 h rollups), for a page's sparkline. */
export function getHourlyLatency(db: Db, targetId: number, from: number): { ts: number; ms: number }[] {
  return db
    .prepare(
      `SELECT ts, latency_sum / latency_count ms FROM probe_rollups
       WHERE target_id = ? AND res = ${HOUR_MS} AND ts >= ? AND latency_count > 0 ORDER BY ts`,
    )
    .all(targetId, from) as { ts: number; ms: number }[];
}
