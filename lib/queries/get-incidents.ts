import type { Db } from '@/lib/db/connection';
import { toIso } from '@/lib/time/iso';

/** Down periods overlapping [from, to], newest first; `end` is null while down; `maintenance` when opened in a window. */
export function getIncidents(db: Db, targetId: number, from: number, to: number, now: number) {
  const rows = db
    .prepare(
      `SELECT start, end, reason, maintenance FROM incidents
       WHERE target_id = ? AND start <= ? AND (end IS NULL OR end >= ?) ORDER BY start DESC LIMIT 1000`,
    )
    .all(targetId, to, from) as { start: number; end: number | null; reason: string; maintenance: number }[];
  return rows.map((r) => ({
    start: toIso(r.start),
    end: toIso(r.end),
    duration_s: Math.round(((r.end ?? now) - r.start) / 1000),
    reason: r.reason,
    maintenance: r.maintenance === 1,
  }));
}
