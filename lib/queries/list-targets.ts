import type { Db } from '@/lib/db/connection';
import { usageDay } from '@/lib/targets/llm-usage-store';
import type { TargetRow } from '@/lib/targets/target-row';
import { getWindowStats } from './get-window-stats';
import { type CheckRow, shapeTarget, type Target } from './shape-target';

const DAY = 86_400_000;

/**
 * Targets with status, last check, uptime over 24h/7d/30d and 24h latency percentiles; one target when `id`
 * is given. Uptime leaves out checks made in maintenance windows unless `includeMaintenance`.
 */
export function listTargets(db: Db, now: number, id?: number, includeMaintenance = false): Target[] {
  const rows = (
    id === undefined
      ? db.prepare('SELECT * FROM targets ORDER BY name').all()
      : db.prepare('SELECT * FROM targets WHERE id = ?').all(id)
  ) as TargetRow[];
  if (rows.length === 0) return [];
  const lastCheck = db.prepare(
    'SELECT ts, up, status_code, latency_ms, error, gauges FROM checks WHERE target_id = ? ORDER BY ts DESC LIMIT 1',
  );
  const usage = db.prepare('SELECT requests FROM llm_probe_usage WHERE target_id = ? AND day = ?').pluck();
  const today = usageDay(now);
  const d1 = getWindowStats(db, now - DAY, now + 1, id, true, includeMaintenance);
  const d7 = getWindowStats(db, now - 7 * DAY, now + 1, id, false, includeMaintenance);
  const d30 = getWindowStats(db, now - 30 * DAY, now + 1, id, false, includeMaintenance);
  return rows.map((row) =>
    shapeTarget(
      row,
      lastCheck.get(row.id) as CheckRow | undefined,
      {
        d1: d1.get(row.id),
        d7: d7.get(row.id),
        d30: d30.get(row.id),
      },
      row.type === 'llm' ? ((usage.get(row.id, today) as number | undefined) ?? 0) : undefined,
    ),
  );
}

export function getTarget(db: Db, now: number, id: number, includeMaintenance = false): Target | null {
  return listTargets(db, now, id, includeMaintenance)[0] ?? null;
}

/** A target just written on `db` (the write connection), so it must be there. */
export function savedTarget(db: Db, now: number, id: number): Target {
  const target = getTarget(db, now, id);
  if (!target) throw new Error(`target ${id} vanished right after it was saved`);
  return target;
}
