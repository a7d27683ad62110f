import type { Db } from '@/lib/db/connection';
import { bucketUpperBound, histogramFromJson } from '@/lib/stats/histogram';
import type { RawSeries } from './types';

const STEP = 10_000;
const LE_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] as const;

interface Row {
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
}

/**
 * Counters are delivered as a scrape would see them: a cumulative sample every 10 s across the
 * range for every label set with events in it, starting from 0 just before the first bucket.
 */
class CounterSet {
  private readonly byKey = new Map<string, { labels: Record<string, string>; deltas: Map<number, number> }>();

  add(labels: Record<string, string>, ts: number, delta: number): void {
    const key = JSON.stringify(labels);
    let e = this.byKey.get(key);
    if (!e) this.byKey.set(key, (e = { labels, deltas: new Map() }));
    e.deltas.set(ts, (e.deltas.get(ts) ?? 0) + delta);
  }

  series(start: number, end: number): RawSeries[] {
    const out: RawSeries[] = [];
    const first = Math.floor(start / STEP) * STEP;
    for (const { labels, deltas } of this.byKey.values()) {
      const samples: [number, number][] = [];
      let total = 0;
      for (let t = first; t <= end; t += STEP) {
        total += deltas.get(t - STEP) ?? 0;
        samples.push([t, total]);
      }
      out.push({ labels, samples });
    }
    return out;
  }
}

/** The log-derived counters of the contract, from the 10 s rollups over [start, end]. */
export function logSeries(db: Db, start: number, end: number, job: string | undefined): RawSeries[] {
  const rows = db
    .prepare(
      `SELECT r.ts, s.name job, r.provider, r.model, r.status, r.requests, r.input_tokens, r.output_tokens, r.rate_limited,
         r.latency_sum, r.latency_count, r.hist
       FROM log_rollups r JOIN log_sources s ON s.id = r.source_id
       WHERE r.res = ${STEP} AND r.ts >= ? AND r.ts < ? ${job === undefined ? '' : 'AND s.name = ?'}`,
    )
    .all(...(job === undefined ? [start - STEP, end] : [start - STEP, end, job])) as Row[];
  const c = new CounterSet();
  for (const r of rows) {
    const status = r.status ? String(r.status) : '';
    c.add({ __name__: 'http_requests_total', job: r.job, provider: r.provider, model: r.model, status }, r.ts, r.requests);
    c.add({ __name__: 'llm_tokens_total', job: r.job, provider: r.provider, model: r.model, type: 'input' }, r.ts, r.input_tokens);
    c.add({ __name__: 'llm_tokens_total', job: r.job, provider: r.provider, model: r.model, type: 'output' }, r.ts, r.output_tokens);
    c.add({ __name__: 'llm_rate_limited_total', job: r.job, provider: r.provider }, r.ts, r.rate_limited);
    const base = { job: r.job, provider: r.provider };
    c.add({ __name__: 'http_request_duration_seconds_sum', ...base }, r.ts, r.latency_sum / 1000);
    c.add({ __name__: 'http_request_duration_seconds_count', ...base }, r.ts, r.latency_count);
    const perLe = new Array<number>(LE_SECONDS.length).fill(0);
    for (const [i, n] of histogramFromJson(r.hist)) {
      const upper = bucketUpperBound(i) / 1000;
      for (let k = 0; k < LE_SECONDS.length; k++) if (upper <= LE_SECONDS[k] * 1.0000001) perLe[k] += n;
    }
    LE_SECONDS.forEach((le, k) => c.add({ __name__: 'http_request_duration_seconds_bucket', ...base, le: String(le) }, r.ts, perLe[k]));
    c.add({ __name__: 'http_request_duration_seconds_bucket', ...base, le: '+Inf' }, r.ts, r.latency_count);
  }
  const levels = db
    .prepare(
      `SELECT r.ts, s.name job, r.level, r.lines FROM log_level_rollups r JOIN log_sources s ON s.id = r.source_id
       WHERE r.res = ${STEP} AND r.ts >= ? AND r.ts < ? ${job === undefined ? '' : 'AND s.name = ?'}`,
    )
    .all(...(job === undefined ? [start - STEP, end] : [start - STEP, end, job])) as { ts: number; job: string; level: string; lines: number }[];
  for (const l of levels) c.add({ __name__: 'log_lines_total', job: l.job, level: l.level }, l.ts, l.lines);
  return c.series(start, end);
}
