import type { Db } from '@/lib/db/connection';
import type { SliCounts, SliSql } from './slo-sql';

/**
 * Good and total events per bucket of width `step` over the aligned span [from, to): ONE grouped query
 * over the rollups of that width, whatever the number of buckets. Buckets without rows are absent.
 */
export function getSloBurndown(db: Db, sql: SliSql, step: number, from: number, to: number): Map<number, SliCounts> {
  const rows = db
    .prepare(
      `SELECT ts, ${sql.select} FROM ${sql.table} WHERE res = @res AND ts >= @from AND ts < @to${sql.where} GROUP BY ts`,
    )
    .all({ ...sql.params, res: step, from, to }) as { ts: number; total: number; bad: number }[];
  return new Map(rows.map((r) => [r.ts, { good: r.total - r.bad, total: r.total }]));
}
