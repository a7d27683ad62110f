import type { Db } from '@/lib/db/connection';
// The buckets rules read, so /metrics and rules agree.
import { LE_SECONDS, type LogRollupRow } from '@/lib/series/log-series';
import { bucketUpperBound, histogramFromJson } from '@/lib/stats/histogram';
import type { MetricSample } from '@/lib/system/types';

const HOUR = 3_600_000;

type Row = Omit<LogRollupRow, 'ts'>;

/**
 * The log-derived counters as totals for /metrics: sums of the hourly rollups from the hour Lookout
 * started in. Like any exporter's counters they only grow and reset when Lookout restarts, which
 * rate() and increase() handle; retention never makes them shrink.
 */
export function getLogTotals(db: Db, sinceMs: number, instance?: string): MetricSample[] {
  const since = Math.floor(sinceMs / HOUR) * HOUR;
  const rows = db
    .prepare(
      `SELECT s.name job, r.provider, r.model, r.status, r.requests, r.input_tokens, r.output_tokens, r.rate_limited, r.latency_sum, r.latency_count, r.hist
       FROM log_rollups r JOIN log_sources s ON s.id = r.source_id WHERE r.res = ${HOUR} AND r.ts >= ?`,
    )
    .all(since) as Row[];
  const totals = new Map<string, MetricSample>();
  const add = (name: string, own: Record<string, string>, v: number) => {
    const labels = instance === undefined ? own : { ...own, instance };
    const key = `${name}\u0000${JSON.stringify(labels)}`;
    const t = totals.get(key);
    if (t) t.value += v;
    else totals.set(key, { name, labels, value: v });
  };
  for (const r of rows) {
    const status = r.status ? String(r.status) : '';
    add('http_requests_total', { job: r.job, provider: r.provider, model: r.model, status }, r.requests);
    add('llm_tokens_total', { job: r.job, provider: r.provider, model: r.model, type: 'input' }, r.input_tokens);
    add('llm_tokens_total', { job: r.job, provider: r.provider, model: r.model, type: 'output' }, r.output_tokens);
    add('llm_rate_limited_total', { job: r.job, provider: r.provider }, r.rate_limited);
    const base = { job: r.job, provider: r.provider };
    const perLe = new Array<number>(LE_SECONDS.length).fill(0);
    for (const [i, n] of histogramFromJson(r.hist)) {
      const upper = bucketUpperBound(i) / 1000;
      for (let k = 0; k < LE_SECONDS.length; k++) if (upper <= LE_SECONDS[k] * 1.0000001) perLe[k] += n;
    }
    LE_SECONDS.forEach((le, k) => add('http_request_duration_seconds_bucket', { ...base, le: String(le) }, perLe[k]));
    add('http_request_duration_seconds_bucket', { ...base, le: '+Inf' }, r.latency_count);
    add('http_request_duration_seconds_sum', base, r.latency_sum / 1000);
    add('http_request_duration_seconds_count', base, r.latency_count);
  }
  const levels = db
    .prepare(
      `SELECT s.name job, r.level, SUM(r.lines) lines FROM log_line_rollups r JOIN log_sources s ON s.id = r.source_id
       WHERE r.res = ${HOUR} AND r.ts >= ? GROUP BY s.name, r.level`,
    )
    .all(since) as { job: string; level: string; lines: number }[];
  for (const l of levels) add('log_lines_total', { job: l.job, level: l.level }, l.lines);
  return [...totals.values()];
}
