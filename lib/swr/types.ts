// The API's shapes as the browser sees them (docs/api.md#shapes); kept apart from server code.

export const TARGET_STATUSES = ['up', 'down', 'pending'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export interface Check {
  ts: string;
  up: boolean;
  status_code: number | null;
  latency_ms: number | null;
  error: string | null;
  /** Numeric fields of a JSON body (`providers.healthy`). */
  gauges?: Record<string, number>;
}

export interface Target {
  id: number;
  name: string;
  url: string;
  method: string;
  interval_s: number;
  timeout_ms: number;
  conditions: string[];
  failure_threshold: number;
  success_threshold: number;
  paused: boolean;
  provisioned: boolean;
  has_headers: boolean;
  has_body: boolean;
  status: TargetStatus;
  since: string | null;
  last_check: Check | null;
  uptime: { '24h': number | null; '7d': number | null; '30d': number | null };
  latency_ms: { p50: number | null; p95: number | null };
}

export interface Incident {
  start: string;
  end: string | null;
  duration_s: number;
  reason: string;
}

export type Point = [number, number | null];

export interface Series {
  key: string;
  points: Point[];
}

export interface SeriesResponse {
  step_ms: number;
  series: Series[];
}

export interface Bucket {
  ts: string;
  checks: number;
  up: number;
  uptime: number | null;
}

export interface BucketsResponse {
  step_ms: number;
  data: Bucket[];
}

export interface Session {
  scope: string;
  anonymous: boolean;
}

export const UPTIME_WINDOWS = ['24h', '7d', '30d'] as const;

export interface StatsSummary {
  requests: number;
  errors: number;
  error_rate: number;
  client_errors: number;
  rate_limited: number;
  latency_ms: { p50: number | null; p95: number | null; p99: number | null };
  tokens: { input: number; output: number };
}

export interface KeyCount {
  key: string;
  count: number;
}

export interface LatencyHistogram {
  buckets: { le_ms: number | null; count: number }[];
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface ProviderStats {
  provider: string;
  requests: number;
  errors: number;
  error_rate: number;
  rate_limited: number;
  p50_ms: number | null;
  p95_ms: number | null;
  input_tokens: number;
  output_tokens: number;
}

export interface ModelStats extends ProviderStats {
  model: string;
}

export interface LogEntry {
  id: string;
  ts: string;
  source: string | null;
  level: string | null;
  message: string | null;
  provider: string | null;
  model: string | null;
  status: number | null;
  duration_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  request_id: string | null;
  flags?: string | number | null;
  fields: Record<string, unknown>;
}

export interface LogPage {
  data: LogEntry[];
  next_cursor: string | null;
}

export interface LogHistogram {
  step_ms: number;
  points: Point[];
}

export interface LogSource {
  id: number;
  name: string;
  kind: 'file' | 'http';
  lines: { read: number; accepted: number; rejected: number; flagged: number };
  last_line_at: string | null;
  last_error: string | null;
}

export const REQUEST_GROUPS = ['provider', 'model', 'status', 'source', 'none'] as const;
export type RequestGroup = (typeof REQUEST_GROUPS)[number];
export const ERROR_GROUPS = ['status', 'provider', 'level', 'source'] as const;
export type ErrorGroup = (typeof ERROR_GROUPS)[number];
