import type { Db } from '@/lib/db/connection';
import { type Check, type CheckRow, shapeCheck } from './shape-target';

/** A target's checks in [from, to], newest first. */
export function getChecks(db: Db, targetId: number, from: number, to: number, limit: number): Check[] {
  const rows = db
    .prepare(
      `SELECT ts, up, status_code, latency_ms, error, gauges FROM checks
       WHERE target_id = ? AND ts >= ? AND ts <= ? ORDER BY ts DESC LIMIT ?`,
    )
    .all(targetId, from, to, limit) as CheckRow[];
  return rows.map(shapeCheck);
}
