import type { Condition } from './conditions';

/** What the prober needs to run one check. */
export interface ProbeSpec {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
  /** Empty means the contract's default: the status is 2xx. */
  conditions: Condition[];
}

export interface ProbeResult {
  /** When the check started (epoch ms, from the injected clock). */
  ts: number;
  up: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** A short human reason when the check failed: `timeout after 10s`, `connection refused`, `condition failed: …`. */
  error: string | null;
  /** Numeric fields of a JSON body by dotted path (`providers.healthy`), empty otherwise. */
  gauges: Record<string, number>;
}

export interface ScheduledTarget {
  id: number;
  intervalMs: number;
  spec: ProbeSpec;
}
