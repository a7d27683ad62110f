import type { Db } from '@/lib/db/connection';
import { LOG_RESOLUTIONS } from '@/lib/ingest/log-rollups';
import { bucketStarts } from '@/lib/stats/window-plan';
import type { GroupBy } from './get-request-agg';
import { filterSql, type LogFilters } from './log-filters';

const KEY_SQL: Record<GroupBy, string> = {
  provider: "CASE provider WHEN '' THEN 'unknown' ELSE provider END",
  model: "CASE model WHEN '' THEN 'unknown' ELSE model END",
  status: "CASE status WHEN 0 THEN 'none' ELSE CAST(status AS TEXT) END",
  source: '(SELECT name FROM log_sources s WHERE s.id = source_id)',
  none: "'all'",
};

/** The rollup width for a step: the widest that divides it. */
export function resolutionForStep(stepMs: number): number {
  return [...LOG_RESOLUTIONS].reverse().find((r) => stepMs % r === 0) ?? LOG_RESOLUTIONS[0];
}

/** Request counts per step, one series per key; every series has a point for every step. */
export function getStatsRequests(db: Db, from: number, to: number, stepMs: number, by: GroupBy, filters: LogFilters) {
  const res = resolutionForStep(stepMs);
  const f = filterSql(db, filters, "''");
  const rows = db
    .prepare(
      `SELECT ${KEY_SQL[by]} k, (ts - ts % @step) t, SUM(requests) n FROM log_rollups
       WHERE res = @res AND ts >= @from AND ts < @to${f.where} GROUP BY k, t`,
    )
    .all({ ...f.params, res, step: stepMs, from: Math.floor(from / stepMs) * stepMs, to }) as {
    k: string;
    t: number;
    n: number;
  }[];
  const starts = bucketStarts(from, to, stepMs);
  const byKey = new Map<string, Map<number, number>>();
  for (const r of rows) {
    let m = byKey.get(r.k);
    if (!m) byKey.set(r.k, (m = new Map()));
    m.set(r.t, r.n);
  }
  const series = [...byKey]
    .map(([key, m]) => ({
      key,
      total: [...m.values()].reduce((a, b) => a + b, 0),
      points: starts.map((t): [number, number] => [t, m.get(t) ?? 0]),
    }))
    .sort((a, b) => b.total - a.total)
    .map(({ key, points }) => ({ key, points }));
  return { step_ms: stepMs, series };
}
