import type { Db } from '@/lib/db/connection';
import { gaugeSeries } from '@/lib/probes/gauges';
import { inReadOrder, SeriesIndex, staleIn } from './series-window';
import type { Matcher, RawSeries } from './types';

interface CheckRow {
  job: string;
  url: string;
  ts: number;
  up: number;
  latency_ms: number;
  status_code: number | null;
  gauges: string | null;
  metrics: string | null;
}

/** A paused target's last check and when it stopped: its series go stale then, as a removed scrape target's do. */
export interface PausedTarget {
  job: string;
  lastTs: number;
  stoppedAt: number;
}

// A check's points get consecutive `ord`s: up, duration, status, then its gauges (at most 200).
const SLOT = 256;
const BASE_NAMES = new Set(['up', 'probe_duration_seconds', 'probe_http_status_code']);

/** `instance` as a scrape of `url` names it: host and port. */
export function instanceOf(url: string): string {
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

  constructor(
    private readonly rows: CheckRow[],
    private readonly paused: readonly PausedTarget[] = [],
  ) {}

  private index(gauges: boolean): SeriesIndex {
    const cached = gauges ? this.gauges : this.base;
    if (cached) return cached;
    const ix = new SeriesIndex();
    // Like a scrape, a check ends the series its target's previous check had and this one lacks.
    const previous = new Map<string, Set<string>>();
    let current = new Set<string>();
    const push = (name: string, r: CheckRow, value: number, ord: number) => {
      const key = `${name}\0${r.job}`;
      current.add(key);
      ix.add(key, () => ({ __name__: name, job: r.job, instance: instanceOf(r.url) }), r.ts, value, ord);
    };
    const lastTs = new Map<string, number>();
    this.rows.forEach((r, i) => {
      current = new Set();
      lastTs.set(r.job, r.ts);
      if (!gauges) {
        push('up', r, r.up, i * SLOT);
        push('probe_duration_seconds', r, r.latency_ms / 1000, i * SLOT + 1);
        if (r.status_code !== null) push('probe_http_status_code', r, r.status_code, i * SLOT + 2);
        if (r.metrics) {
          // The type's own series (probe_ssl_earliest_cert_expiry, …) sort after the gauges of the same check.
          Object.entries(JSON.parse(r.metrics) as Record<string, number>).forEach(([name, value], k) => {
            push(name, r, value, i * SLOT + SLOT - 16 + k);
          });
        }
      } else if (r.gauges) {
        Object.entries(JSON.parse(r.gauges) as Record<string, number>).forEach(([path, raw], k) => {
          const { name, value } = gaugeSeries(path, raw);
          push(name, r, value, i * SLOT + 3 + k);
        });
      }
      for (const key of previous.get(r.job) ?? []) if (!current.has(key)) ix.markStale(key, r.ts);
      previous.set(r.job, current);
    });
    for (const p of this.paused) {
      if (lastTs.get(p.job) !== p.lastTs) continue;
      for (const key of previous.get(p.job) ?? []) ix.markStale(key, p.stoppedAt);
    }
    if (gauges) this.gauges = ix;
    else this.base = ix;
    return ix;
  }

  /** The samples in [start, end] of the series whose labels match; [start, end] must lie within the window. */
  select(name: string | undefined, matchers: readonly Matcher[], start: number, end: number): RawSeries[] {
    const sets =
      name === undefined
        ? [false, true]
        : BASE_NAMES.has(name) || name.startsWith('probe_')
          ? [false]
          : name.startsWith('health_')
            ? [true]
            : [];
    const found: { ord: number; series: RawSeries }[] = [];
    for (const gauges of sets) {
      for (const { s, i } of this.index(gauges).matching(matchers, start)) {
        if (s.ts[i] > end) continue;
        const samples: [number, number][] = [];
        for (let k = i; k < s.ts.length && s.ts[k] <= end; k++) samples.push([s.ts[k], s.values[k]]);
        const staleMs = staleIn(s, i, end);
        found.push({ ord: s.ord[i], series: { labels: { ...s.labels }, samples, ...(staleMs && { staleMs }) } });
      }
    }
    return inReadOrder(found).map((f) => f.series);
  }
}

/** Reads the checks of [lo, hi], of one target or all. */
export function readProbeWindow(db: Db, lo: number, hi: number, job: string | undefined): ProbeWindow {
  const rows = db
    .prepare(
      `SELECT t.name job, t.url, c.ts, c.up, c.latency_ms, c.status_code, c.gauges, c.metrics FROM checks c JOIN targets t ON t.id = c.target_id
       WHERE c.ts >= ? AND c.ts <= ? ${job === undefined ? '' : 'AND t.name = ?'} ORDER BY c.ts`,
    )
    .all(...(job === undefined ? [lo, hi] : [lo, hi, job])) as CheckRow[];
  // A paused target stopped when it was paused (updated_at), and at the latest when its next check was due.
  const paused = db
    .prepare(
      `SELECT name job, last lastTs, max(last + 1, min(updated_at, last + interval_ms)) stoppedAt FROM (
         SELECT t.name, t.updated_at, t.interval_ms, (SELECT max(c.ts) FROM checks c WHERE c.target_id = t.id) last
         FROM targets t WHERE t.paused = 1 ${job === undefined ? '' : 'AND t.name = ?'}) WHERE last IS NOT NULL`,
    )
    .all(...(job === undefined ? [] : [job])) as PausedTarget[];
  return new ProbeWindow(rows, paused);
}

/** `up`, `probe_duration_seconds`, `probe_http_status_code` and `health_*` from the checks in [start, end]. */
export function probeSeries(db: Db, start: number, end: number, job: string | undefined): RawSeries[] {
  return readProbeWindow(db, start, end, job).select(undefined, [], start, end);
}
