import type { Db } from '@/lib/db/connection';
import { ftsMark } from '@/lib/ingest/fts-index';
import type { Term } from '@/lib/search/parse-query';
import { rollupTermsSql, termsToSql } from '@/lib/search/query-sql';
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
type Where = { where: string; params: unknown[] };

const WIDTHS = [86_400_000, 3_600_000, 60_000, 10_000];

/** The `source` and `level` parameters as conditions on either table (both have source_id and level). */
function paramsSql(q: HistogramQuery): Where {
  let where = '';
  const params: unknown[] = [];
  if (q.source !== undefined) {
    where += ' AND source_id IN (SELECT id FROM log_sources WHERE name = ?)';
    params.push(q.source);
  }
  if (q.level !== undefined) {
    where += ' AND level = ?';
    params.push(q.level);
  }
  return { where, params };
}

/** Matching lines per step in [from, until), counted from the lines themselves. */
function countLines(db: Db, q: HistogramQuery, from: number, until: number): Counts {
  if (from >= until) return [];
  const terms = termsToSql(q.terms, ftsMark(db));
  const extra = paramsSql(q);
  return db
    .prepare(
      `SELECT (ts - ts % ?) t, COUNT(*) n FROM logs WHERE ts >= ? AND ts < ? AND ${terms.where}${extra.where} GROUP BY t`,
    )
    .all(q.stepMs, from, until, ...terms.params, ...extra.params) as Counts;
}

/** Matching lines per step from the line rollups of width `res` whose buckets start in [a, b). */
function countRollups(db: Db, q: HistogramQuery, terms: Where, res: number, a: number, b: number): Counts {
  const extra = paramsSql(q);
  return db
    .prepare(
      `SELECT (ts - ts % ?) t, SUM(lines) n FROM log_line_rollups
       WHERE res = ? AND ts >= ? AND ts < ? AND ${terms.where}${extra.where} GROUP BY t`,
    )
    .all(q.stepMs, res, a, b, ...terms.params, ...extra.params) as Counts;
}

/**
 * [from, until) from the widest rollup buckets that fit whole, the finer ones at either edge, and the
 * lines for what is left under 10 s: exact, and reading few lines however busy the source.
 */
function countRange(db: Db, q: HistogramQuery, terms: Where, widths: number[], from: number, until: number): Counts {
  if (from >= until) return [];
  const [res, ...finer] = widths;
  if (res === undefined) return countLines(db, q, from, until);
  const a = Math.ceil(from / res) * res;
  const b = Math.floor(until / res) * res;
  if (a >= b) return countRange(db, q, terms, finer, from, until);
  return [
    ...countRange(db, q, terms, finer, from, a),
    ...countRollups(db, q, terms, res, a, b),
    ...countRange(db, q, terms, finer, b, until),
  ];
}

/**
 * Matching lines per step over [from, to]. Without a query it sums the line rollups, even where the
 * lines are pruned; with terms rollups can answer (level, provider, status, source) it sums them only
 * where the lines are still kept, so the answer equals a count of the lines; otherwise it counts lines.
 */
export function getLogsHistogram(db: Db, q: HistogramQuery) {
  const step = q.stepMs;
  const widths = WIDTHS.filter((r) => step % r === 0);
  const terms = rollupTermsSql(q.terms);
  // One read transaction: the rollups and the edge lines must come from the same commit.
  const rows = db.transaction((): Counts => {
    if (terms === null || widths.length === 0) return countLines(db, q, q.from, q.to + 1);
    if (q.terms.length === 0) return countRollups(db, q, terms, widths[0], Math.floor(q.from / step) * step, q.to + 1);
    const oldest = db.prepare('SELECT MIN(ts) FROM logs').pluck().get() as number | null;
    return oldest === null ? [] : countRange(db, q, terms, widths, Math.max(q.from, oldest), q.to + 1);
  })();
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.t, (counts.get(r.t) ?? 0) + r.n);
  return {
    step_ms: step,
    points: bucketStarts(q.from, q.to, step).map((t): [number, number] => [t, counts.get(t) ?? 0]),
  };
}
