import type { Db } from '@/lib/db/connection';

export interface Outage {
  id: number;
  targetId: number;
  start: number;
  end: number | null;
}

/** Down periods of the given targets overlapping [from, now]; the reason is left out on purpose (public pages). */
export function listTargetOutages(db: Db, targetIds: number[], from: number): Outage[] {
  if (!targetIds.length) return [];
  return db
    .prepare(
      `SELECT id, target_id targetId, start, end FROM incidents
       WHERE target_id IN (SELECT value FROM json_each(?)) AND (end IS NULL OR end >= ?)
       ORDER BY start DESC LIMIT 500`,
    )
    .all(JSON.stringify(targetIds), from) as Outage[];
}
