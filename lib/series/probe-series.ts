import type { Db } from '@/lib/db/connection';
import { gaugeSeries } from '@/lib/probes/gauges';
import { inReadOrder, SeriesIndex } from './series-window';
import type { Matcher, RawSeries } from './types';

interface CheckRow {
  job: string;
  url: string;
  ts: number;
  up: number;
  latency_ms: number;
  status_code: number | null;
  gauges: string | null;
}

// A check's points get consecutive `ord`s: up, duration, status, then its gauges (at most 200).
const SLOT = 256;
const BASE_NAMES = new Set(['up', 'probe_duration_seconds', 'probe_http_status_code']);

function instanceOf(url: string): string {
  try {
    const u = new URL(url);
    return u.host;
  } catch {
    return url;
  }
}

/** The checks of [lo, hi]; the `health_*` gauges are parsed only when one is asked for. */
export class ProbeWindow {
  private base: SeriesIndex | null = null;
  private gauges: SeriesIndex | null = null;

  constructor(private readonly rows: CheckRow[]) {}

  private index(gauges: boolean): SeriesIndex {
    const cached = gauges ? this.gauges : this.base;
    if (cached) return cached;
    const ix = new SeriesIndex();
    const push = (name: string, r: CheckRow, value: number, ord: number) =>
      ix.add(
        `${name}\0${r.job}`,
        () => ({ __name__: name, job: r.job, instance: instanceOf(r.url) }),
        r.ts,
        value,
        ord,
      );
    this.rows.forEach((r, i) => {
      if (!gauges) {
        push('up', r, r.up, i * SLOT);
        push('probe_duration_seconds', r, r.latency_ms / 1000, i * SLOT + 1);
        if (r.status_code !== null) push('probe_http_status_code', r, r.status_code, i * SLOT + 2);
        return;
      }
      if (!r.gauges) return;
      Object.entries(JSON.parse(r.gauges) as Record<string, number>).forEach(([path, raw], k) => {
        const { name, value } = gaugeSeries(path, raw);
        push(name, r, value, i * SLOT + 3 + k);
      });
    });
    if (gauges) this.gauges = ix;
    else this.base = ix;
    return ix;
  }

  /** The samples in [start, end] of the series whose labels match; [start, end] must lie within the window. */
  select(name: string | undefined, matchers: readonly Matcher[], start: number, end: number): RawSeries[] {
    const sets =
      name === undefined ? [false, true] : BASE_NAMES.has(name) ? [false] : name.startsWith('health_') ? [true] : [];
    const found: { ord: number; series: RawSeries }[] = [];
    for (const gauges of sets) {
      for (const { s, i } of this.index(gauges).matching(matchers, start)) {
        if (s.ts[i] > end) continue;
        const samples: [number, number][] = [];
        for (let k = i; k < s.ts.length && s.ts[k] <= end; k++) samples.push([s.ts[k], s.values[k]]);
        found.push({ ord: s.ord[i], series: { labels: { ...s.labels }, samples } });
      }
    }
    return inReadOrder(found).map((f) => f.series);
  }
}

/** Reads the checks of [lo, hi], of one target or all. */
export function readProbeWindow(db: Db, lo: number, hi: number, job: string | undefined): ProbeWindow {
  const rows = db
    .prepare(
      `SELECT t.name job, t.url, c.ts, c.up, c.latency_ms, c.status_code, c.gauges FROM checks c JOIN targets t ON t.id = c.target_id
       WHERE c.ts >= ? AND c.ts <= ? ${job === undefined ? '' : 'AND t.name = ?'} ORDER BY c.ts`,
    )
    .all(...(job === undefined ? [lo, hi] : [lo, hi, job])) as CheckRow[];
  return new ProbeWindow(rows);
}

/** `up`, `probe_duration_seconds`, `probe_http_status_code` and `health_*` from the checks in [start, end]. */
export function probeSeries(db: Db, start: number, end: number, job: string | undefined): RawSeries[] {
  return readProbeWindow(db, start, end, job).select(undefined, [], start, end);
}
