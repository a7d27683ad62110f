import type { Db } from '@/lib/db/connection';
import type { Term } from '@/lib/search/parse-query';
import { rollupFilter, termIndex, termsToSql } from '@/lib/search/query-sql';
import { ftsMark } from '@/lib/ingest/fts-index';
import { bucketStarts } from '@/lib/stats/window-plan';

interface HistogramQuery {
  from: number;
  to: number;
  stepMs: number;
  terms: Term[];
  source?: string;
  level?: string;
}

type Counts = { t: number; n: number }[];

const WIDTHS = [86_400_000, 3_600_000, 60_000, 10_000];

/** Matching lines per step in [from, until), counted from the lines themselves. */
function countLines(db: Db, q: HistogramQuery, from: number, until: number): Counts {
  if (from >= until) return [];
  const { where, params } = termsToSql(q.terms, ftsMark(db));
  // The planner prefers the time index for any time range; over days a status or provider index reads far less.
  const index = termIndex(q.terms);
  const sourceSql = q.source === undefined ? '' : ' AND source_id = (SELECT id FROM log_sources WHERE name = ?)';
  const levelSql = q.level === undefined ? '' : ' AND level = ?';
  const extra = [...(q.source === undefined ? [] : [q.source]), ...(q.level === undefined ? [] : [q.level])];
  return db
    .prepare(
      `SELECT (ts - ts % ?) t, COUNT(*) n FROM logs${index ? ` INDEXED BY ${index}` : ''}
       WHERE ts >= ? AND ts < ? AND ${where}${sourceSql}${levelSql} GROUP BY t`,
    )
    .all(q.stepMs, from, until, ...params, ...extra) as Counts;
}

/**
 * Lines of one level and/or source, from the line rollups written with the lines, and from the lines
 * for the partial buckets at either edge. Only where the lines are still kept (retention prunes them
 * oldest first), so the answer equals a count of the lines.
 */
function countLevelLines(db: Db, q: HistogramQuery, f: { level?: string; source?: string }): Counts {
  const oldest = db.prepare('SELECT MIN(ts) FROM logs').pluck().get() as number | null;
  if (oldest === null) return [];
  const res = WIDTHS.find((r) => q.stepMs % r === 0);
  const from = Math.max(q.from, oldest);
  const until = q.to + 1;
  if (res === undefined) return countLines(db, q, from, until);
  const a = Math.ceil(from / res) * res;
  const b = Math.floor(until / res) * res;
  if (a >= b) return countLines(db, q, from, until);
  const rolled = db
    .prepare(
      `SELECT (ts - ts % @step) t, SUM(lines) n FROM log_level_rollups WHERE res = @res AND ts >= @a AND ts < @b
       ${f.level === undefined ? '' : 'AND level = @level'} ${f.source === undefined ? '' : 'AND source_id IN (SELECT id FROM log_sources WHERE name = @source)'}
       GROUP BY t`,
    )
    .all({ step: q.stepMs, res, a, b, ...f }) as Counts;
  return [...countLines(db, q, from, a), ...rolled, ...countLines(db, q, b, until)];
}

/** The level and source asked for by the parameters and terms together, if rollups can answer them. */
function levelFilter(q: HistogramQuery): { level?: string; source?: string } | null {
  const f = rollupFilter(q.terms);
  if (!f || (q.level !== undefined && f.level !== undefined && f.level !== q.level)) return null;
  if (q.source !== undefined && f.source !== undefined && f.source !== q.source) return null;
  const out: { level?: string; source?: string } = {};
  if ((f.level ?? q.level) !== undefined) out.level = f.level ?? q.level;
  if ((f.source ?? q.source) !== undefined) out.source = f.source ?? q.source;
  return out;
}

/** Matching lines per step over [from, to]; without a query it reads the level rollups, not the lines. */
export function getLogsHistogram(db: Db, q: HistogramQuery) {
  const step = q.stepMs;
  const sourceSql = q.source === undefined ? '' : ' AND source_id = (SELECT id FROM log_sources WHERE name = ?)';
  const levelSql = q.level === undefined ? '' : ' AND level = ?';
  const extra = [...(q.source === undefined ? [] : [q.source]), ...(q.level === undefined ? [] : [q.level])];
  const f = q.terms.length === 0 ? null : levelFilter(q);
  // One read transaction: the rollups and the edge lines must come from the same commit.
  const rows = db.transaction((): Counts => {
    if (q.terms.length === 0 && step % 10_000 === 0) {
      const res = WIDTHS.find((r) => step % r === 0)!;
      return db
        .prepare(
          `SELECT (ts - ts % ?) t, SUM(lines) n FROM log_level_rollups WHERE res = ? AND ts >= ? AND ts <= ?${sourceSql}${levelSql} GROUP BY t`,
        )
        .all(step, res, Math.floor(q.from / step) * step, q.to, ...extra) as Counts;
    }
    return f ? countLevelLines(db, q, f) : countLines(db, q, q.from, q.to + 1);
  })();
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.t, (counts.get(r.t) ?? 0) + r.n);
  return { step_ms: step, points: bucketStarts(q.from, q.to, step).map((t): [number, number] => [t, counts.get(t) ?? 0]) };
}
