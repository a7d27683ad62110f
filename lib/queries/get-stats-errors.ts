import type { Db } from '@/lib/db/connection';
import { LOG_RESOLUTIONS } from '@/lib/ingest/log-rollups';
import type { ErrorGroup } from '@/lib/stats/groups';
import { planWindow } from '@/lib/stats/window-plan';
import { getRequestAgg } from './get-request-agg';
import { filterSql, type LogFilters } from './log-filters';

/** Warn/error/fatal lines per level: level counts come from lines, not requests. */
function errorLevels(db: Db, from: number, to: number, filters: LogFilters): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  const f = filterSql(db, { source: filters.source }, "''");
  for (const seg of planWindow(from, to, LOG_RESOLUTIONS)) {
    const rows = (
      seg.res === 0
        ? db.prepare(
            `SELECT level k, COUNT(*) n FROM logs WHERE ts >= @from AND ts < @to AND level IN ('warn','error','fatal')${f.where} GROUP BY level`,
          )
        : db.prepare(
            `SELECT level k, SUM(lines) n FROM log_line_rollups WHERE res = @res AND ts >= @from AND ts < @to AND level IN ('warn','error','fatal')${f.where} GROUP BY level`,
          )
    ).all({ ...f.params, res: seg.res, from: seg.from, to: seg.to }) as { k: string; n: number }[];
    for (const r of rows) counts.set(r.k, (counts.get(r.k) ?? 0) + r.n);
  }
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

/** Failed requests (status ≥ 500 or none) by status, provider or source; or problem lines by level. */
export function getStatsErrors(db: Db, from: number, to: number, by: ErrorGroup, filters: LogFilters) {
  if (by === 'level') return errorLevels(db, from, to, filters);
  return [...getRequestAgg(db, from, to, by, filters)]
    .filter(([, a]) => a.errors > 0)
    .map(([key, a]) => ({ key: key === '' ? 'unknown' : key === '0' ? 'none' : key, count: a.errors }))
    .sort((a, b) => b.count - a.count);
}
