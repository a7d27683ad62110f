import type { Db } from '@/lib/db/connection';
import { gaugeMetricName } from '@/lib/probes/gauges';
import type { RawSeries } from './types';

interface CheckRow {
  job: string;
  url: string;
  ts: number;
  up: number;
  latency_ms: number;
  status_code: number | null;
  gauges: string | null;
}

function instanceOf(url: string): string {
  try {
    const u = new URL(url);
    return u.host;
  } catch {
    return url;
  }
}

/** `up`, `probe_duration_seconds`, `probe_http_status_code` and `health_*` from the checks in [start, end]. */
export function probeSeries(db: Db, start: number, end: number, job: string | undefined): RawSeries[] {
  const rows = db
    .prepare(
      `SELECT t.name job, t.url, c.ts, c.up, c.latency_ms, c.status_code, c.gauges FROM checks c JOIN targets t ON t.id = c.target_id
       WHERE c.ts >= ? AND c.ts <= ? ${job === undefined ? '' : 'AND t.name = ?'} ORDER BY c.ts`,
    )
    .all(...(job === undefined ? [start, end] : [start, end, job])) as CheckRow[];
  const series = new Map<string, RawSeries>();
  const push = (name: string, r: CheckRow, value: number) => {
    const key = `${name}\u0000${r.job}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { labels: { __name__: name, job: r.job, instance: instanceOf(r.url) }, samples: [] }));
    s.samples.push([r.ts, value]);
  };
  for (const r of rows) {
    push('up', r, r.up);
    push('probe_duration_seconds', r, r.latency_ms / 1000);
    if (r.status_code !== null) push('probe_http_status_code', r, r.status_code);
    if (!r.gauges) continue;
    for (const [path, value] of Object.entries(JSON.parse(r.gauges) as Record<string, number>)) push(gaugeMetricName(path), r, value);
  }
  return [...series.values()];
}
