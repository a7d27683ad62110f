import type { Db } from '@/lib/db/connection';
import type { Term } from '@/lib/search/parse-query';
import { termsToSql } from '@/lib/search/query-sql';
import { ftsMark } from '@/lib/ingest/fts-index';
import { bucketStarts } from '@/lib/stats/window-plan';

/** Matching lines per step over [from, to]; without a query it reads the level rollups, not the lines. */
export function getLogsHistogram(db: Db, q: { from: number; to: number; stepMs: number; terms: Term[]; source?: string; level?: string }) {
  const counts = new Map<number, number>();
  const step = q.stepMs;
  const sourceSql = q.source === undefined ? '' : ' AND source_id = (SELECT id FROM log_sources WHERE name = ?)';
  const levelSql = q.level === undefined ? '' : ' AND level = ?';
  const extra = [...(q.source === undefined ? [] : [q.source]), ...(q.level === undefined ? [] : [q.level])];
  let rows: { t: number; n: number }[];
  if (q.terms.length === 0 && step % 10_000 === 0) {
    const res = [86_400_000, 3_600_000, 60_000, 10_000].find((r) => step % r === 0)!;
    rows = db
      .prepare(
        `SELECT (ts - ts % ?) t, SUM(lines) n FROM log_level_rollups WHERE res = ? AND ts >= ? AND ts <= ?${sourceSql}${levelSql} GROUP BY t`,
      )
      .all(step, res, Math.floor(q.from / step) * step, q.to, ...extra) as { t: number; n: number }[];
  } else {
    const { where, params } = termsToSql(q.terms, ftsMark(db));
    rows = db
      .prepare(`SELECT (ts - ts % ?) t, COUNT(*) n FROM logs WHERE ts >= ? AND ts <= ? AND ${where}${sourceSql}${levelSql} GROUP BY t`)
      .all(step, q.from, q.to, ...params, ...extra) as { t: number; n: number }[];
  }
  for (const r of rows) counts.set(r.t, r.n);
  return { step_ms: step, points: bucketStarts(q.from, q.to, step).map((t): [number, number] => [t, counts.get(t) ?? 0]) };
}
