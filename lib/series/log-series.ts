import type { Db } from '@/lib/db/connection';
import { histogramFromJson } from '@/lib/stats/histogram';
import { LE_SECONDS, leCounts } from '@/lib/stats/le-counts';
import { inReadOrder, lowerBound, SeriesIndex, type WindowSeries } from './series-window';
import type { Matcher, RawSeries } from './types';

export const LOG_STEP = 10_000;
const HOUR = 3_600_000;

export { LE_SECONDS };

// Points of one rollup row get consecutive `ord`s (one slot per series it feeds), as the one-pass read listed them.
const SLOT = 32;

/** One log_rollups row with its source's name as `job`; /metrics reads the same shape. */
export interface LogRollupRow {
  ts: number;
  job: string;
  provider: string;
  model: string;
  status: number;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  rate_limited: number;
  latency_sum: number;
  latency_count: number;
  hist: string;
  /** Per-`le` counts already summed (log_rollups' le_k columns); without them they come from `hist`. */
  le?: number[];
}

interface LevelRow {
  ts: number;
  job: string;
  level: string;
  lines: number;
}

type Sink = Pick<SeriesIndex, 'add'>;
type Emit = (ix: Sink, r: LogRollupRow, ord: number) => void;
const base = (name: string, r: LogRollupRow) => ({ __name__: name, job: r.job, provider: r.provider });

/** How each rollup row feeds each counter family: label set, increment, slot. */
const FAMILIES: Record<string, Emit> = {
  http_requests_total: (ix, r, ord) => {
    const status = r.status ? String(r.status) : '';
    ix.add(
      `${r.job}\0${r.provider}\0${r.model}\0${status}`,
      () => ({ ...base('http_requests_total', r), model: r.model, status }),
      r.ts,
      r.requests,
      ord,
    );
  },
  llm_tokens_total: (ix, r, ord) => {
    const key = `${r.job}\0${r.provider}\0${r.model}\0`;
    ix.add(
      `${key}input`,
      () => ({ ...base('llm_tokens_total', r), model: r.model, type: 'input' }),
      r.ts,
      r.input_tokens,
      ord + 1,
    );
    ix.add(
      `${key}output`,
      () => ({ ...base('llm_tokens_total', r), model: r.model, type: 'output' }),
      r.ts,
      r.output_tokens,
      ord + 2,
    );
  },
  llm_rate_limited_total: (ix, r, ord) =>
    ix.add(`${r.job}\0${r.provider}`, () => base('llm_rate_limited_total', r), r.ts, r.rate_limited, ord + 3),
  http_request_duration_seconds_sum: (ix, r, ord) =>
    ix.add(
      `${r.job}\0${r.provider}`,
      () => base('http_request_duration_seconds_sum', r),
      r.ts,
      r.latency_sum / 1000,
      ord + 4,
    ),
  http_request_duration_seconds_count: (ix, r, ord) =>
    ix.add(
      `${r.job}\0${r.provider}`,
      () => base('http_request_duration_seconds_count', r),
      r.ts,
      r.latency_count,
      ord + 5,
    ),
  http_request_duration_seconds_bucket: (ix, r, ord) => {
    const counts = r.le ?? leCounts(histogramFromJson(r.hist));
    LE_SECONDS.forEach((le, k) =>
      ix.add(
        `${r.job}\0${r.provider}\0${le}`,
        () => ({ ...base('http_request_duration_seconds_bucket', r), le: String(le) }),
        r.ts,
        counts[k],
        ord + 6 + k,
      ),
    );
    ix.add(
      `${r.job}\0${r.provider}\0+Inf`,
      () => ({ ...base('http_request_duration_seconds_bucket', r), le: '+Inf' }),
      r.ts,
      r.latency_count,
      ord + 20,
    );
  },
};
export const LOG_FAMILIES = [...Object.keys(FAMILIES), 'log_lines_total'];

/** Feeds one rollup row to a counter family's series, as a window read does (`name` is one of FAMILIES). */
export function emitLogFamily(name: string, sink: Sink, row: LogRollupRow): void {
  FAMILIES[name](sink, row, 0);
}

/**
 * Counters are delivered as a scrape would see them: a cumulative sample every 10 s across [start, end],
 * starting from 0 just before the first bucket, for every label set with a row in [start - 10 s, end). When
 * `end` falls inside a bucket, a last sample at `end` adds the buckets begun by then, as a scrape at `end` would
 * count them: exact at the live edge, where rules evaluate (otherwise a bucket would wait 10 s to be seen).
 */
function cumulative(s: WindowSeries, from: number, start: number, end: number): [number, number][] {
  const samples: [number, number][] = [];
  let total = 0;
  let j = from;
  let t = Math.floor(start / LOG_STEP) * LOG_STEP;
  for (; t <= end; t += LOG_STEP) {
    while (j < s.ts.length && s.ts[j] <= t - LOG_STEP) total += s.values[j++];
    samples.push([t, total]);
  }
  if (t - LOG_STEP < end) {
    while (j < s.ts.length && s.ts[j] <= end) total += s.values[j++];
    samples.push([end, total]);
  }
  return samples;
}

/** The 10 s request and line-level rollups of [lo, hi), indexed per family on first use. */
export class LogWindow {
  private readonly families = new Map<string, SeriesIndex>();

  /**
   * `instance` (Lookout's own host:port) is the label a scrape of /metrics gives them. `since` (the hour Lookout
   * started in, as /metrics counts) keeps a label set seen since then present to the
   * end, flat when it has no new rows, as a scrape of /metrics sees it; without it a series lasts while it has rows.
   */
  constructor(
    private readonly rows: LogRollupRow[],
    private readonly levels: LevelRow[],
    private readonly since?: number,
    private readonly instance?: string,
  ) {}

  private family(name: string): SeriesIndex {
    let ix = this.families.get(name);
    if (ix) return ix;
    ix = new SeriesIndex();
    if (name === 'log_lines_total') {
      const offset = this.rows.length;
      this.levels.forEach((l, j) =>
        ix!.add(
          `${l.job}\0${l.level}`,
          () => ({ __name__: 'log_lines_total', job: l.job, level: l.level }),
          l.ts,
          l.lines,
          (offset + j) * SLOT,
        ),
      );
    } else {
      const emit = FAMILIES[name];
      this.rows.forEach((r, i) => emit(ix!, r, i * SLOT));
    }
    if (this.instance !== undefined) for (const s of ix.all([])) s.labels.instance = this.instance;
    this.families.set(name, ix);
    return ix;
  }

  /** Whether `s` has a row in [since, end): it has been exported since Lookout started. */
  private seen(s: WindowSeries, end: number): boolean {
    if (this.since === undefined) return false;
    const k = lowerBound(s.ts, this.since);
    return k < s.ts.length && s.ts[k] < end;
  }

  /** The counters of [start, end] whose labels match; `start - 10 s` and `end` must lie within the window. */
  select(name: string | undefined, matchers: readonly Matcher[], start: number, end: number): RawSeries[] {
    const names = name === undefined ? LOG_FAMILIES : LOG_FAMILIES.includes(name) ? [name] : [];
    const found: { ord: number; series: RawSeries }[] = [];
    for (const n of names) {
      for (const s of this.family(n).all(matchers)) {
        const i = lowerBound(s.ts, start - LOG_STEP);
        if (!(i < s.ts.length && s.ts[i] < end) && !this.seen(s, end)) continue;
        const ord = s.ord[Math.min(i, s.ts.length - 1)];
        found.push({ ord, series: { labels: { ...s.labels }, samples: cumulative(s, i, start, end) } });
      }
    }
    return inReadOrder(found).map((f) => f.series);
  }
}

/**
 * Reads the 10 s rollups of [lo, hi), of one log source or all. With `sinceMs` (when Lookout started), every label
 * set with a row from that hour up to `lo` gets a zero row at `lo`, so it stays present as /metrics exports it.
 */
export function readLogWindow(
  db: Db,
  lo: number,
  hi: number,
  job: string | undefined,
  sinceMs?: number,
  instance?: string,
): LogWindow {
  const where = `r.res = ${LOG_STEP} AND r.ts >= ? AND r.ts < ? ${job === undefined ? '' : 'AND s.name = ?'}`;
  const params = job === undefined ? [lo, hi] : [lo, hi, job];
  const rows = db
    .prepare(
      `SELECT r.ts, s.name job, r.provider, r.model, r.status, r.requests, r.input_tokens, r.output_tokens, r.rate_limited,
         r.latency_sum, r.latency_count, r.hist
       FROM log_rollups r JOIN log_sources s ON s.id = r.source_id WHERE ${where} ORDER BY r.ts`,
    )
    .all(...params) as LogRollupRow[];
  const levels = db
    .prepare(
      `SELECT r.ts, s.name job, r.level, SUM(r.lines) lines FROM log_line_rollups r JOIN log_sources s ON s.id = r.source_id WHERE ${where} GROUP BY r.ts, s.name, r.level ORDER BY r.ts`,
    )
    .all(...params) as LevelRow[];
  if (sinceMs === undefined) return new LogWindow(rows, levels, undefined, instance);
  const since = Math.floor(sinceMs / HOUR) * HOUR;
  const earlier = seenBefore(db, since, lo, job);
  return new LogWindow([...earlier.rows, ...rows], [...earlier.levels, ...levels], since, instance);
}

/** The label sets with a row in [since, lo): hourly rollups up to lo's hour, 10 s ones within it. */
function seenBefore(db: Db, since: number, lo: number, job: string | undefined) {
  if (lo <= since) return { rows: [], levels: [] };
  const hour = Math.floor(lo / HOUR) * HOUR;
  const where = `((r.res = ${HOUR} AND r.ts >= ? AND r.ts < ?) OR (r.res = ${LOG_STEP} AND r.ts >= ? AND r.ts < ?)) ${job === undefined ? '' : 'AND s.name = ?'}`;
  const params = [since, hour, Math.max(since, hour), lo, ...(job === undefined ? [] : [job])];
  const keys = db
    .prepare(
      `SELECT DISTINCT s.name job, r.provider, r.model, r.status FROM log_rollups r JOIN log_sources s ON s.id = r.source_id WHERE ${where}`,
    )
    .all(...params) as Pick<LogRollupRow, 'job' | 'provider' | 'model' | 'status'>[];
  const levels = db
    .prepare(
      `SELECT DISTINCT s.name job, r.level FROM log_line_rollups r JOIN log_sources s ON s.id = r.source_id WHERE ${where}`,
    )
    .all(...params) as Pick<LevelRow, 'job' | 'level'>[];
  const zero = { requests: 0, input_tokens: 0, output_tokens: 0, rate_limited: 0, latency_sum: 0, latency_count: 0 };
  return {
    rows: keys.map((k): LogRollupRow => ({ ...k, ...zero, ts: lo, hist: '' })),
    levels: levels.map((l): LevelRow => ({ ...l, ts: lo, lines: 0 })),
  };
}

/** The log-derived counters of the contract, from the 10 s rollups over [start, end]. */
export function logSeries(db: Db, start: number, end: number, job: string | undefined): RawSeries[] {
  return readLogWindow(db, start - LOG_STEP, end, job).select(undefined, [], start, end);
}
