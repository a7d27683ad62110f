import { quantile } from '@/lib/stats/histogram';
import { conditionsOf, DEFAULT_LLM_DAILY_CAP, optionsOf, type TargetRow } from '@/lib/targets/target-row';
import { toIso } from '@/lib/time/iso';
import { uptimePercent, type WindowStats } from './get-window-stats';

export interface CheckRow {
  ts: number;
  up: number;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  gauges: string | null;
}

export function shapeCheck(c: CheckRow) {
  return {
    ts: toIso(c.ts),
    up: c.up === 1,
    status_code: c.status_code,
    latency_ms: Math.round(c.latency_ms * 10) / 10,
    error: c.error,
    gauges: c.gauges ? (JSON.parse(c.gauges) as Record<string, number>) : {},
  };
}

export type Check = ReturnType<typeof shapeCheck>;

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The contract's Target; headers and body are secrets, so only their presence is shown. */
export function shapeTarget(
  row: TargetRow,
  last: CheckRow | undefined,
  windows: { d1?: WindowStats; d7?: WindowStats; d30?: WindowStats },
  requestsToday?: number,
) {
  const hist = windows.d1?.hist;
  // `send` may carry credentials (an SMTP AUTH line): like headers and body, only its presence is shown.
  const { send, period, grace, api_key, ...options } = optionsOf(row);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    url: row.url,
    ...options,
    ...(period !== undefined && { period_s: period / 1000 }),
    ...(row.type === 'heartbeat' && { grace_s: (grace ?? 0) / 1000 }),
    has_send: send !== undefined,
    ...(row.type === 'llm' && {
      has_api_key: api_key !== undefined,
      max_requests_per_day: options.max_requests_per_day ?? DEFAULT_LLM_DAILY_CAP,
      requests_today: requestsToday ?? 0,
    }),
    method: row.method,
    interval_s: row.interval_ms / 1000,
    timeout_ms: row.timeout_ms,
    conditions: conditionsOf(row),
    failure_threshold: row.failure_threshold,
    success_threshold: row.success_threshold,
    paused: row.paused === 1,
    provisioned: row.provisioned === 1,
    has_headers: row.headers !== '{}',
    has_body: row.body !== null,
    status: row.status,
    since: toIso(row.status_since),
    last_check: last ? shapeCheck(last) : null,
    uptime: { '24h': uptimePercent(windows.d1), '7d': uptimePercent(windows.d7), '30d': uptimePercent(windows.d30) },
    latency_ms: { p50: round1(hist ? quantile(hist, 0.5) : null), p95: round1(hist ? quantile(hist, 0.95) : null) },
  };
}

export type Target = ReturnType<typeof shapeTarget>;
