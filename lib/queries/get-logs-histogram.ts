import type { Db } from '@/lib/db/connection';
import { ftsMark } from '@/lib/ingest/fts-index';
import { TOKEN_RES } from '@/lib/ingest/token-rollups';
import { fieldCounts, fieldRolledUp } from '@/lib/queries/field-counts';
import { prefixCounts, prefixRolledUp } from '@/lib/queries/prefix-counts';
import { DRIVER_IDS, rareDriver, windowLines } from '@/lib/queries/rare-driver';
import { rolledUpDriver } from '@/lib/queries/rolled-up-driver';
import { registerWordMatch } from '@/lib/search/match-words';
import type { Term } from '@/lib/search/parse-query';
import { type MatchMode, rollupTermsSql, termsToSql } from '@/lib/search/query-sql';
import { isRolledUpWord } from '@/lib/search/words';
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

/** How lines are read when they must be counted one by one. */
interface LineCounting {
  mode: MatchMode;
  /** A rare word's full-text expression: only its matches (and lines above the mark) are read. */
  driver: string | null;
  /** With a driver, whether the time index still leads (a short window). */
  byTime?: boolean;
}

const SCAN: LineCounting = { mode: 'scan', driver: null };

/** Matching lines per step in [from, until), counted from the lines themselves. */
function countLines(db: Db, q: HistogramQuery, from: number, until: number, how: LineCounting = SCAN): Counts {
  if (from >= until) return [];
  const mark = ftsMark(db);
  const ids =
    how.mode === 'scan' && how.driver === null
      ? (db.prepare('SELECT MIN(id) min, MAX(id) max FROM logs WHERE ts >= ? AND ts < ?').get(from, until) as {
          min: number | null;
          max: number | null;
        })
      : null;
  if (ids !== null && ids.min === null) return [];
  const terms = termsToSql(
    q.terms,
    mark,
    how.mode,
    ids?.min != null && ids.max != null ? { min: ids.min, max: ids.max } : undefined,
  );
  const extra = paramsSql(q);
  const ts = how.driver === null || how.byTime ? 'ts' : '+ts';
  const driver = how.driver === null ? '' : ` AND ${DRIVER_IDS}`;
  return db
    .prepare(
      `SELECT (ts - ts % ?) t, COUNT(*) n FROM logs WHERE ${ts} >= ? AND ${ts} < ? AND ${terms.where}${extra.where}${driver} GROUP BY t`,
    )
    .all(
      q.stepMs,
      from,
      until,
      ...terms.params,
      ...extra.params,
      ...(how.driver === null ? [] : [how.driver, mark]),
    ) as Counts;
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

type RollupCounter = (res: number, a: number, b: number) => Counts;

/**
 * [from, until) from the widest rollup buckets that fit whole, the finer ones at either edge, and the
 * lines for what is left under 10 s: exact, and reading few lines however busy the source.
 */
function countRange(
  db: Db,
  q: HistogramQuery,
  rollup: RollupCounter,
  widths: number[],
  from: number,
  until: number,
): Counts {
  if (from >= until) return [];
  const [res, ...finer] = widths;
  if (res === undefined) return countLines(db, q, from, until);
  const a = Math.ceil(from / res) * res;
  const b = Math.floor(until / res) * res;
  if (a >= b) return countRange(db, q, rollup, finer, from, until);
  return [
    ...countRange(db, q, rollup, finer, from, a),
    ...rollup(res, a, b),
    ...countRange(db, q, rollup, finer, b, until),
  ];
}

const oldestLine = (db: Db) => db.prepare('SELECT MIN(ts) FROM logs').pluck().get() as number | null;

/** Counts, and the rollup minutes whose lines are counted instead, in runs of consecutive minutes. */
function withRecounted(db: Db, q: HistogramQuery, rows: Counts, minutes: number[], res: number): Counts {
  const out = rows;
  let run: [number, number] | null = null;
  for (const ts of minutes) {
    if (run !== null && run[1] === ts) run[1] = ts + res;
    else {
      if (run !== null) out.push(...countLines(db, q, run[0], run[1]));
      run = [ts, ts + res];
    }
  }
  if (run !== null) out.push(...countLines(db, q, run[0], run[1]));
  return out;
}

/** A lone prefix (`respon*`) the token rollups hold every word of: its letters, lower case. */
function rolledUpPrefix(db: Db, q: HistogramQuery): string | null {
  if (q.terms.length !== 1 || q.level !== undefined) return null;
  const [t] = q.terms;
  if (t.kind !== 'text' || t.phrase || t.negate || !/^[A-Za-z]{1,40}\*$/.test(t.text)) return null;
  const prefix = t.text.slice(0, -1).toLowerCase();
  return prefixRolledUp(db, prefix) ? prefix : null;
}

/** The single word (possibly negated) whose histogram the token rollups answer, if the query is one. */
function rolledUpWord(q: HistogramQuery): { token: string; negate: boolean } | null {
  if (q.terms.length !== 1 || q.level !== undefined) return null;
  const [t] = q.terms;
  if (t.kind !== 'text' || t.phrase || !/^[A-Za-z]+$/.test(t.text)) return null;
  const token = t.text.toLowerCase();
  return isRolledUpWord(token) ? { token, negate: t.negate } : null;
}

/**
 * Lines with (or, negated, without) the word per step from the token rollups. Buckets holding a line
 * the rollups could not read (a character outside printable ASCII) are counted from their lines.
 */
function wordCounter(db: Db, q: HistogramQuery, word: { token: string; negate: boolean }): RollupCounter {
  const extra = paramsSql(q);
  const words = db.prepare(
    `SELECT (ts - ts % ?) t, SUM(lines) n FROM log_token_rollups
     WHERE token = ? AND ts >= ? AND ts < ?${extra.where}
       AND ts NOT IN (SELECT ts FROM log_token_rollups WHERE token = '' AND ts >= ? AND ts < ?${extra.where})
     GROUP BY t`,
  );
  const all = db.prepare(
    `SELECT (ts - ts % ?) t, SUM(lines) n FROM log_token_rollups WHERE token = '*' AND ts >= ? AND ts < ?${extra.where}
       AND ts NOT IN (SELECT ts FROM log_token_rollups WHERE token = '' AND ts >= ? AND ts < ?${extra.where})
     GROUP BY t`,
  );
  const unread = db.prepare(
    `SELECT DISTINCT ts FROM log_token_rollups WHERE token = '' AND ts >= ? AND ts < ?${extra.where}`,
  );
  return (res, a, b) => {
    const flagged = [a, b, ...extra.params];
    const counted = words.all(q.stepMs, word.token, a, b, ...extra.params, ...flagged) as Counts;
    const out: Counts = [];
    if (word.negate) {
      const withWord = new Map(counted.map((r) => [r.t, r.n]));
      for (const r of all.all(q.stepMs, a, b, ...extra.params, ...flagged) as Counts)
        out.push({ t: r.t, n: r.n - (withWord.get(r.t) ?? 0) });
    } else {
      out.push(...counted);
    }
    return withRecounted(db, q, out, unread.pluck().all(...flagged) as number[], res);
  };
}

/** Beyond this many minutes with lines the rollups could not read, counting the lines is cheaper. */
const MAX_UNREAD_MINUTES = 60;

/**
 * Whether the token rollups can answer for [from, until): every kept line was counted in them (lines
 * older than migration 060 were not), and few minutes hold lines they could not read.
 */
function tokenRollupsServe(db: Db, from: number, until: number): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM logs WHERE id <= (SELECT value FROM meta WHERE key = 'token_rollups_from_id')) old,
         (SELECT COUNT(*) FROM (SELECT 1 FROM log_token_rollups WHERE token = '' AND ts >= ? AND ts < ? LIMIT ?)) unread`,
    )
    .get(from, until, MAX_UNREAD_MINUTES + 1) as { old: number; unread: number };
  return row.old === 0 && row.unread <= MAX_UNREAD_MINUTES;
}

/** Counting lines one by one stops after this long; the answer then says how far back it got. */
export const HISTOGRAM_BUDGET_MS = 120;

/**
 * [from, until) counted from the lines, newest steps first, until the budget is spent: returns the
 * counts and the start of the oldest step counted (`from` when complete).
 */
function countNewestFirst(
  db: Db,
  q: HistogramQuery,
  from: number,
  until: number,
  budgetMs: number,
): { rows: Counts; countedFrom: number } {
  const started = performance.now();
  const rows: Counts = [];
  let end = until;
  let steps = 1;
  while (end > from) {
    const start = Math.max(from, Math.floor((end - 1) / q.stepMs) * q.stepMs - (steps - 1) * q.stepMs);
    const t = performance.now();
    rows.push(...countLines(db, q, start, end));
    end = start;
    const spent = performance.now() - started;
    if (end > from && spent >= budgetMs) return { rows, countedFrom: end };
    // Grow the chunk while chunks are cheap, so few statements cover a long quiet range.
    if (performance.now() - t < budgetMs / 8) steps *= 2;
  }
  return { rows, countedFrom: from };
}

/**
 * Matching lines per step over [from, to]. Without a query it sums the line rollups, even where the
 * lines are pruned; with terms rollups can answer (level, provider, status, source) it sums them only
 * where the lines are still kept, so the answer equals a count of the lines; a single word comes from
 * the token rollups; a rare word from its full-text matches; anything else is counted line by line,
 * newest first, for at most `budgetMs`, and then the answer is `partial` from `counted_from` on.
 */
export function getLogsHistogram(db: Db, q: HistogramQuery, budgetMs = HISTOGRAM_BUDGET_MS) {
  registerWordMatch(db);
  const step = q.stepMs;
  const widths = WIDTHS.filter((r) => step % r === 0);
  const tokenWidths = step % TOKEN_RES === 0 ? [TOKEN_RES] : [];
  const terms = rollupTermsSql(q.terms);
  const word = rolledUpWord(q);
  // One read transaction: the rollups and the edge lines must come from the same commit.
  const { rows, countedFrom } = db.transaction((): { rows: Counts; countedFrom: number } => {
    const whole = (rows: Counts) => ({ rows, countedFrom: q.from });
    if (terms !== null && widths.length > 0) {
      const rollup: RollupCounter = (res, a, b) => countRollups(db, q, terms, res, a, b);
      if (q.terms.length === 0) return whole(rollup(widths[0], Math.floor(q.from / step) * step, q.to + 1));
      const oldest = db.prepare('SELECT MIN(ts) FROM logs').pluck().get() as number | null;
      return whole(oldest === null ? [] : countRange(db, q, rollup, widths, Math.max(q.from, oldest), q.to + 1));
    }
    if (word !== null && tokenWidths.length > 0 && tokenRollupsServe(db, q.from, q.to + 1)) {
      const oldest = db.prepare('SELECT MIN(ts) FROM logs').pluck().get() as number | null;
      if (oldest === null) return whole([]);
      return whole(countRange(db, q, wordCounter(db, q, word), tokenWidths, Math.max(q.from, oldest), q.to + 1));
    }
    const prefix = tokenWidths.length > 0 && tokenRollupsServe(db, q.from, q.to + 1) ? rolledUpPrefix(db, q) : null;
    if (prefix !== null) {
      const extra = paramsSql(q);
      const counter: RollupCounter = (res, a, b) => {
        const { rows, recount } = prefixCounts(db, prefix, q.stepMs, a, b, extra);
        return withRecounted(db, q, rows, recount, res);
      };
      return whole(countRange(db, q, counter, tokenWidths, Math.max(q.from, oldestLine(db) ?? q.to + 1), q.to + 1));
    }
    const field = tokenWidths.length > 0 && q.level === undefined ? fieldRolledUp(db, q.terms) : null;
    if (field !== null) {
      const extra = paramsSql(q);
      const counter: RollupCounter = (_res, a, b) => fieldCounts(db, field, q.stepMs, a, b, extra);
      return whole(countRange(db, q, counter, tokenWidths, Math.max(q.from, oldestLine(db) ?? q.to + 1), q.to + 1));
    }
    // A required word whose lines are few: those lines are judged one by one (a negated common word too).
    const lines = windowLines(db, q.from, q.to);
    const driver = rareDriver(db, q.terms) ?? rolledUpDriver(db, q.terms, lines);
    if (driver !== null)
      return whole(
        countLines(db, q, q.from, q.to + 1, {
          mode: 'scan',
          driver: driver.expr,
          byTime: lines < driver.matches * 30,
        }),
      );
    return countNewestFirst(db, q, q.from, q.to + 1, budgetMs);
  })();
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.t, (counts.get(r.t) ?? 0) + r.n);
  const partial = countedFrom > q.from;
  return {
    step_ms: step,
    points: bucketStarts(q.from, q.to, step).map((t): [number, number] => [t, counts.get(t) ?? 0]),
    partial,
    counted_from: partial ? countedFrom : null,
  };
}
