import type { Db } from '@/lib/db/connection';
import { bucketStarts } from '@/lib/stats/window-plan';

const MINUTE = 60_000;

/** Mean latency per minute for every target: a sparkline's shape, read from 1m rollups in one query. */
export function getSparklines(db: Db, from: number, to: number): Record<string, [number, number | null][]> {
  const rows = db
    .prepare(
      `SELECT target_id id, ts, latency_sum / latency_count ms FROM probe_rollups
       WHERE res = ? AND ts >= ? AND ts < ? AND latency_count > 0`,
    )
    .all(MINUTE, Math.floor(from / MINUTE) * MINUTE, to) as { id: number; ts: number; ms: number }[];
  const byTarget = new Map<number, Map<number, number>>();
  for (const r of rows) {
    let m = byTarget.get(r.id);
    if (!m) byTarget.set(r.id, (m = new Map()));
    m.set(r.ts, Math.round(r.ms * 10) / 10);
  }
  const starts = bucketStarts(from, to, MINUTE);
  const out: Record<string, [number, number | null][]> = {};
  for (const [id, m] of byTarget) out[id] = starts.map((ts) => [ts, m.get(ts) ?? null]);
  return out;
}
