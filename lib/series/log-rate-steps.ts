import type { Db } from '@/lib/db/connection';
import { extrapolate } from '@/lib/rules/promql/range-functions';
import { matchesAll, type StepAnswer, type StepGrid, type StepSeries } from '@/lib/rules/series-source';
import { emitLogFamily, LE_SECONDS, LOG_STEP, type LogRollupRow } from './log-series';
import { exactLabel, type Matcher } from './types';

/** Families whose increments are whole numbers: their sums are exact in any grouping, so coarse buckets add up alike. */
const WHOLE_FAMILIES = new Set([
  'http_requests_total',
  'llm_tokens_total',
  'llm_rate_limited_total',
  'http_request_duration_seconds_count',
  'http_request_duration_seconds_bucket',
]);
const WIDTHS = [3_600_000, 60_000, LOG_STEP];
const X = 0;
const T = 1;

/** A piece of a step's sum: rows of width `res` with ts in [lo, hi). */
type Piece = [k: number, part: number, res: number, lo: number, hi: number];

/** Splits the 10 s bucket starts from..to (inclusive) into runs of the widest whole rollup buckets. */
function split(from: number, to: number, k: number, part: number, out: Piece[]): void {
  let x = from;
  while (x <= to) {
    const res = WIDTHS.find((w) => x % w === 0 && x + w - LOG_STEP <= to) ?? LOG_STEP;
    let y = x + res;
    while (y + res - LOG_STEP <= to && !WIDTHS.some((w) => w > res && y % w === 0 && y + w - LOG_STEP <= to)) y += res;
    out.push([k, part, res, x, y]);
    x = y;
  }
}

/** Where one step's window puts its samples (see `cumulative` in log-series.ts): bucket bounds and point count. */
function windowOf(t: number, rangeMs: number) {
  const start = t - rangeMs;
  const g0 = Math.floor(start / LOG_STEP) * LOG_STEP;
  const a1 = Math.ceil((start - LOG_STEP) / LOG_STEP) * LOG_STEP;
  const gl = Math.floor(t / LOG_STEP) * LOG_STEP;
  const p1 = g0 + LOG_STEP;
  const onGrid = p1 <= gl ? (gl - p1) / LOG_STEP + 1 : 0;
  const extra = gl < t;
  return {
    start,
    a1,
    g0,
    p1,
    c: extra ? gl : gl - LOG_STEP,
    n: onGrid + (extra ? 1 : 0),
    lastT: extra ? t : gl,
    onGrid,
  };
}

interface Acc {
  labels: Record<string, string>;
  sums: [Float64Array, Float64Array];
  rows: Uint8Array;
  /** Its first row from Lookout's start hour on: from then on /metrics keeps exporting it. */
  seen: number;
}

/**
 * `rate`/`increase` of a whole-number log counter at every step, from the widest rollups that tile each window:
 * the window read of the 10 s rollups makes a cumulative sample every 10 s, so a step's answer depends only on the
 * sum X of the buckets before its first point, the sum T of those up to its last, whether any row lies in the window,
 * and the points' times, which the window alone fixes. X and T are whole, so 1 m and 1 h buckets give them exactly.
 * From `sinceMs`'s hour on, a label set stays present (flat) once it has had a row, as /metrics exports it: the
 * first such row of each label group is read from the 10 s rollups (the whole read bails out where those were
 * pruned after that hour).
 */
export function logRateSteps(
  db: Db,
  func: 'rate' | 'increase',
  matchers: Matcher[],
  rangeMs: number,
  grid: StepGrid,
  opts: { sinceMs?: number; instance?: string },
): StepAnswer | undefined {
  const name = exactLabel(matchers, '__name__');
  if (name === undefined || !WHOLE_FAMILIES.has(name) || grid.lastMs < grid.firstMs || !(rangeMs > LOG_STEP))
    return undefined;
  const since = opts.sinceMs === undefined ? Infinity : Math.floor(opts.sinceMs / 3_600_000) * 3_600_000;
  const last = grid.lastMs;
  const steps = Math.floor((last - grid.firstMs) / grid.stepMs) + 1;
  if (!fineKeptFrom(db, Math.min(w0(grid, rangeMs), since))) return undefined;
  const pieces: Piece[] = [];
  const windows: ReturnType<typeof windowOf>[] = [];
  for (let k = 0, t = grid.firstMs; k < steps; k++, t += grid.stepMs) {
    const w = windowOf(t, rangeMs);
    windows.push(w);
    if (w.n < 2) continue;
    split(w.a1, w.g0, k, X, pieces);
    split(w.a1, w.c, k, T, pieces);
  }
  const keys = matchingKeys(db, name, matchers, w0(grid, rangeMs), last, opts.instance);
  const series = new Map<string, Acc>();
  const targets = new Map<string, Target[]>();
  const bucket = name === 'http_request_duration_seconds_bucket';
  readSums(db, name, pieces, keys, (code, v, at, stride) => {
    const id = `${v[at]}\0${v[at + 1]}\0${v[at + 2]}\0${v[at + 3]}`;
    let list = targets.get(id);
    if (!list) {
      const g = { job: v[at] as string, provider: v[at + 1] as string, model: v[at + 2] as string };
      list = targetsOf(name, { ...g, status: v[at + 3] as number, bucket }, series, steps, opts.instance);
      targets.set(id, list);
    }
    const k = code >> 1;
    const sums = code & 1;
    for (const { acc, col } of list) {
      acc.sums[sums][k] += v[at + 4 + col] as number;
      acc.rows[k] = 1;
    }
    return at + stride;
  });
  if (since <= last)
    for (const [id, g] of firstRows(db, name, since, last)) {
      let list = targets.get(id);
      if (!list) targets.set(id, (list = targetsOf(name, { ...g, bucket }, series, steps, opts.instance)));
      for (const { acc } of list) acc.seen = Math.min(acc.seen, g.first);
    }
  const out: StepSeries[] = [];
  for (const acc of series.values()) {
    if (!matchesAll(matchers, acc.labels)) continue;
    const values = new Float64Array(steps);
    const present = new Uint8Array(steps);
    for (let k = 0, t = grid.firstMs; k < steps; k++, t += grid.stepMs) {
      if (!acc.rows[k] && !(acc.seen < t)) continue;
      const w = windows[k];
      if (w.n < 2 || w.onGrid === 0) continue;
      const first = acc.sums[X][k];
      const total = acc.sums[T][k];
      values[k] = extrapolate(total - first, [w.p1, first], [w.lastT, total], w.n, w.start, t, true, func === 'rate');
      present[k] = 1;
    }
    out.push({ labels: acc.labels, values, present });
  }
  return { series: out, steps };
}

type Target = { acc: Acc; col: number };

/**
 * The series a group of summed rows feeds, each with the column it adds: the family's own emitter is fed a row whose
 * counts are the columns' indexes, so labels and increments stay exactly those of the window read.
 */
function targetsOf(name: string, g: Group, series: Map<string, Acc>, steps: number, instance?: string): Target[] {
  const out: Target[] = [];
  const probe: LogRollupRow = {
    ...g,
    ts: 0,
    requests: 0,
    input_tokens: 1,
    output_tokens: 2,
    rate_limited: 3,
    latency_sum: 0,
    latency_count: g.bucket ? 0 : 4,
    hist: '',
    le: g.bucket ? LE_SECONDS.map((_, k) => k + 1) : undefined,
  };
  const sink = {
    add(key: string, labels: () => Record<string, string>, _ord: number, col: number) {
      let acc = series.get(key);
      if (!acc) {
        const l = labels();
        if (instance !== undefined) l.instance = instance;
        const sums: Acc['sums'] = [new Float64Array(steps), new Float64Array(steps)];
        acc = { labels: l, sums, rows: new Uint8Array(steps), seen: Infinity };
        series.set(key, acc);
      }
      out.push({ acc, col });
    },
  };
  emitLogFamily(name, sink, probe);
  return out;
}

const w0 = (grid: StepGrid, rangeMs: number) => windowOf(grid.firstMs, rangeMs).a1;

/** Which labels of a rollup row each family's series carry: rows are summed over the rest in SQL. */
const GROUPS: Record<string, { model: string; status: string }> = {
  http_requests_total: { model: 'r.model', status: 'r.status' },
  llm_tokens_total: { model: 'r.model', status: '0' },
};
const BY_PROVIDER = { model: "''", status: '0' };
const KEY = 'r.source_id || char(0) || r.provider || char(0) || r.model || char(0) || r.status';

/**
 * The rollup rows' keys in [from, to] that feed a series the matchers select (label matchers applied in SQL), or
 * null when every key does.
 */
function matchingKeys(db: Db, name: string, matchers: Matcher[], from: number, to: number, instance?: string) {
  const keys = db
    .prepare(
      `SELECT DISTINCT r.source_id, s.name job, r.provider, r.model, r.status, ${KEY} key FROM log_rollups r
       JOIN log_sources s ON s.id = r.source_id WHERE r.res = 3600000 AND r.ts >= ? AND r.ts <= ?`,
    )
    .all(from - (from % 3_600_000), to) as (LogRollupRow & { key: string })[];
  const zero = {
    ts: 0,
    requests: 0,
    input_tokens: 0,
    output_tokens: 0,
    rate_limited: 0,
    latency_sum: 0,
    latency_count: 0,
  };
  const matching = keys
    .filter((k) => {
      let match = false;
      const sink = {
        add(_key: string, labels: () => Record<string, string>) {
          const l = labels();
          if (instance !== undefined) l.instance = instance;
          match ||= matchesAll(matchers, l);
        },
      };
      emitLogFamily(name, sink, { ...k, ...zero, hist: '' });
      return match;
    })
    .map((k) => k.key);
  return matching.length === keys.length ? null : matching;
}

const LE_COLUMNS = LE_SECONDS.map((_, k) => `le_${k}`);
const COUNTS = ['requests', 'input_tokens', 'output_tokens', 'rate_limited', 'latency_count'];

/** A label group of summed rows: what the family's emitter needs to name its series. */
interface Group {
  job: string;
  provider: string;
  model: string;
  status: number;
  bucket: boolean;
}

/** Called for each label group of each piece (`code` is step * 2 + part); returns where the next group starts. */
type Visit = (code: number, flat: (string | number)[], at: number, stride: number) => number;

/**
 * Each piece's rows summed per label group of the family (job, provider, model, status, then the sums of `cols`).
 * The bucket family sums the per-`le` columns (migration 103) instead of merging the rows' JSON histograms, one
 * piece at a time: its few rows grouped in SQL and handed over as one flat JSON array per piece, since passing
 * fifteen values per group one by one costs more than summing them.
 */
function readSums(db: Db, name: string, pieces: Piece[], keys: string[] | null, visit: Visit): void {
  const g = GROUPS[name] ?? BY_PROVIDER;
  const bucket = name === 'http_request_duration_seconds_bucket';
  const cols = bucket ? ['latency_count', ...LE_COLUMNS] : COUNTS;
  const same = bucket ? sameColumns(db, pieces) : new Map<string, string>();
  const filter = keys === null ? '' : `AND ${KEY} IN (SELECT value FROM json_each(?))`;
  const params = keys === null ? [JSON.stringify(pieces)] : [JSON.stringify(pieces), JSON.stringify(keys)];
  const stride = 4 + cols.length;
  if (!bucket) {
    // Few columns: one grouping of all pieces' rows costs less than a subquery per piece.
    const rows = db
      .prepare(
        `WITH p AS (SELECT value ->> 0 k, value ->> 1 part, value ->> 2 res, value ->> 3 lo, value ->> 4 hi FROM json_each(?))
         SELECT p.k * 2 + p.part, s.name, r.provider, ${g.model}, ${g.status}, ${cols.map((c) => `SUM(r.${c})`).join(', ')}
         FROM p CROSS JOIN log_rollups r JOIN log_sources s ON s.id = r.source_id
         WHERE r.res = p.res AND r.ts >= p.lo AND r.ts < p.hi ${filter}
         GROUP BY p.k, p.part, r.source_id, r.provider${g.model === "''" ? '' : ', r.model'}${g.status === '0' ? '' : ', r.status'}`,
      )
      .raw()
      .all(...params) as (string | number)[][];
    for (const row of rows) visit(row[0] as number, row, 1, stride);
    return;
  }
  // Source names are put in afterwards: a join inside the per-piece subquery makes SQLite regroup for each source.
  const jobs = new Map(db.prepare('SELECT id, name FROM log_sources').raw().all() as [number, string][]);
  const groups = db
    .prepare(
      `WITH p AS (SELECT value ->> 0 k, value ->> 1 part, value ->> 2 res, value ->> 3 lo, value ->> 4 hi FROM json_each(?))
       SELECT p.k * 2 + p.part, (SELECT '[' || group_concat(source_id || ',' || json_quote(provider) || ',' ||
           json_quote(model) || ',' || status || ',' || ${cols.map((c) => same.get(c) ?? c).join(" || ',' || ")}) || ']' FROM (
         SELECT r.source_id, r.provider, ${g.model} model, ${g.status} status,
           ${cols
             .filter((c) => !same.has(c))
             .map((c) => `SUM(r.${c}) ${c}`)
             .join(', ')}
         FROM log_rollups r WHERE r.res = p.res AND r.ts >= p.lo AND r.ts < p.hi ${filter}
         GROUP BY r.source_id, r.provider${g.model === "''" ? '' : ', r.model'}${g.status === '0' ? '' : ', r.status'}
       ))
       FROM p`,
    )
    .raw()
    .all(...params) as [number, string | null][];
  for (const [code, json] of groups) {
    if (json === null) continue;
    const flat = JSON.parse(json) as (string | number)[];
    for (let at = 0; at < flat.length; ) {
      flat[at] = jobs.get(flat[at] as number) ?? '';
      at = visit(code, flat, at, stride);
    }
  }
}

/**
 * Each label group's first 10 s row in [since, to]: the first hour from the hourly rows, then the exact bucket from
 * the 10 s rows of those hours only.
 */
function firstRows(db: Db, name: string, since: number, to: number): Map<string, Group & { first: number }> {
  const g = GROUPS[name] ?? BY_PROVIDER;
  const by = `r.source_id, r.provider${g.model === "''" ? '' : ', r.model'}${g.status === '0' ? '' : ', r.status'}`;
  const sql = (res: number) =>
    `SELECT s.name, r.provider, ${g.model}, ${g.status}, MIN(r.ts) FROM log_rollups r JOIN log_sources s ON s.id = r.source_id
     WHERE r.res = ${res} AND r.ts >= ? AND r.ts <= ? GROUP BY ${by}`;
  const id = (r: (string | number)[]) => `${r[0]}\0${r[1]}\0${r[2]}\0${r[3]}`;
  const hours = new Map<number, Set<string>>();
  for (const r of db.prepare(sql(3_600_000)).raw().all(since, to) as (string | number)[][]) {
    const h = r[4] as number;
    if (!hours.has(h)) hours.set(h, new Set());
    hours.get(h)!.add(id(r));
  }
  const out = new Map<string, Group & { first: number }>();
  const fine = db.prepare(sql(LOG_STEP)).raw();
  for (const [h, ids] of hours)
    for (const r of fine.all(h, Math.min(to, h + 3_600_000 - 1)) as (string | number)[][]) {
      const key = id(r);
      if (!ids.has(key) || out.has(key)) continue;
      const [job, provider, model, status, first] = r as [string, string, string, number, number];
      out.set(key, { job, provider, model, status, bucket: false, first });
    }
  return out;
}

/**
 * The `le` columns that are 0, or equal to latency_count, in every row the pieces cover, with what to read instead:
 * summing a column costs as much as the rest of a row, and latencies rarely reach every bucket. An hourly row is the
 * sum of the finer rows of its hour and every row has 0 <= le_k <= latency_count, so an hour's row decides for all of
 * them; unless hourly rows were pruned before finer ones (then nothing is skipped).
 */
function sameColumns(db: Db, pieces: Piece[]): Map<string, string> {
  const same = new Map<string, string>();
  if (pieces.length === 0) return same;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of pieces) {
    lo = Math.min(lo, p[3]);
    hi = Math.max(hi, p[4]);
  }
  lo -= lo % 3_600_000;
  const oldest = db.prepare('SELECT MIN(ts) FROM log_rollups WHERE res = 3600000').pluck().get() as number | null;
  const finer = db.prepare('SELECT 1 FROM log_rollups WHERE res < 3600000 AND ts < ? LIMIT 1').pluck();
  if (oldest === null || (oldest > lo && finer.get(oldest) !== undefined)) return same;
  const row = db
    .prepare(
      `SELECT ${LE_COLUMNS.map((c) => `MAX(${c}) = 0, MIN(${c} = latency_count)`).join(', ')}
       FROM log_rollups WHERE res = 3600000 AND ts >= ? AND ts < ?`,
    )
    .raw()
    .get(lo, hi) as (number | null)[];
  LE_COLUMNS.forEach((c, k) => {
    if (row[2 * k] === 1) same.set(c, '0');
    else if (row[2 * k + 1] === 1) same.set(c, 'latency_count');
  });
  return same;
}

/**
 * Whether the 10 s rollups are whole from `from` on: the window read sees only them, so where they were pruned
 * earlier than the 1 m and 1 h ones the coarse sum would see rows the fine read does not.
 */
function fineKeptFrom(db: Db, from: number): boolean {
  const oldest = db.prepare(`SELECT MIN(ts) FROM log_rollups WHERE res = ${LOG_STEP}`).pluck().get() as number | null;
  if (oldest === null) return false;
  if (from >= oldest) return true;
  const older = db.prepare('SELECT 1 FROM log_rollups WHERE res = ? AND ts < ? LIMIT 1').pluck();
  return WIDTHS.every((w) => w === LOG_STEP || older.get(w, oldest - (oldest % w)) === undefined);
}
