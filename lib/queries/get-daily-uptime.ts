import type { Db } from '@/lib/db/connection';

const DAY_MS = 86_400_000;

/** Checks and up checks per target per UTC day from the 1 d rollups, the same rows the uptime API sums (maintenance left out). */
export function getDailyUptime(
  db: Db,
  targetIds: number[],
  from: number,
): Map<number, Map<number, { checks: number; up: number }>> {
  const out = new Map<number, Map<number, { checks: number; up: number }>>();
  if (!targetIds.length) return out;
  const rows = db
    .prepare(
      `SELECT target_id id, ts, checks - maint_checks checks, up - maint_up up FROM probe_rollups
       WHERE res = ${DAY_MS} AND ts >= ? AND target_id IN (SELECT value FROM json_each(?))`,
    )
    .all(from, JSON.stringify(targetIds)) as { id: number; ts: number; checks: number; up: number }[];
  for (const r of rows) {
    let days = out.get(r.id);
    if (!days) out.set(r.id, (days = new Map()));
    days.set(r.ts, { checks: r.checks, up: r.up });
  }
  return out;
}
