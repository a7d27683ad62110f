import type { Db } from '@/lib/db/connection';
import { planWindow } from '@/lib/stats/window-plan';
import type { SliCounts, SliSql } from './slo-sql';

/**
 * Good and total events over [from, to), exact as uptime and request stats are: whole rollup buckets in
 * the middle, raw checks or request rows for the partial edges.
 */
export function getSloCounts(db: Db, sql: SliSql, from: number, to: number): SliCounts {
  let good = 0;
  let total = 0;
  for (const seg of planWindow(from, to, sql.resolutions)) {
    if (seg.res === 0) {
      const r = sql.raw(seg.from, seg.to);
      good += r.good;
      total += r.total;
      continue;
    }
    const r = db
      .prepare(`SELECT ${sql.select} FROM ${sql.table} WHERE res = @res AND ts >= @from AND ts < @to${sql.where}`)
      .get({ ...sql.params, res: seg.res, from: seg.from, to: seg.to }) as { total: number | null; bad: number | null };
    good += (r.total ?? 0) - (r.bad ?? 0);
    total += r.total ?? 0;
  }
  return { good, total };
}
