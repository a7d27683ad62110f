// The API's shapes as the browser sees them (contract.md); kept apart from server code.

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
