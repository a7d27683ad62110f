import type { Db } from '@/lib/db/connection';
import { type CostFilters, costFilterSql } from './llm-cost-sql';

const DAY = 86_400_000;

/**
 * When priced spend under these filters first shows, if that is on the UTC day of `now` (a young Lookout, a
 * new provider or client); null when spend goes back to an earlier day, or there is none. Day rows say whether
 * older spend exists; today's 10 s rows say when today's began.
 */
export function firstSpendToday(db: Db, now: number, f: CostFilters): number | null {
  const { where, params: filters } = costFilterSql(f);
  const params = { ...filters, today: Math.floor(now / DAY) * DAY, now };
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM llm_cost_rollups WHERE res = 86400000 AND ts < @today AND priced > 0${where}) older,
         (SELECT MIN(ts) FROM llm_cost_rollups WHERE res = 10000 AND ts >= @today AND ts < @now AND priced > 0${where}) first`,
    )
    .get(params) as { older: number; first: number | null };
  return row.older === 1 ? null : row.first;
}
