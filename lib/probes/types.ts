import type { Cron } from '@/lib/time/cron';
import type { Condition } from './conditions';
import type { DnsRecordType, LlmApi, StarttlsProtocol } from './target-types';

interface BaseSpec {
  timeoutMs: number;
  /** Empty means the type's default: a 2xx status, a connection, a NOERROR answer, a reply. */
  conditions: Condition[];
}

/** What the prober needs to run one HTTP check (`type` is optional: HTTP is the default). */
export interface HttpSpec extends BaseSpec {
  type?: 'http';
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  insecureSkipVerify?: boolean;
}

export interface TcpSpec extends BaseSpec {
  type: 'tcp';
  host: string;
  port: number;
  /** Written once connected. */
  send: string | null;
  /** A `pat()` pattern the reply must match; the probe reads until it does. */
  expect: string | null;
  /** Upgrade to TLS with this protocol, then check the certificate as a tls target does. */
  starttls?: StarttlsProtocol | null;
  insecureSkipVerify?: boolean;
  /** Extra trusted roots (PEM), for a private CA. */
  ca?: string[];
}

export interface TlsSpec extends BaseSpec {
  type: 'tls';
  host: string;
  port: number;
  insecureSkipVerify: boolean;
  /** The registered domain whose expiry is read over RDAP, or null. */
  domain?: string | null;
  /** Extra trusted roots (PEM), for a private CA. */
  ca?: string[];
}

export interface DnsSpec extends BaseSpec {
  type: 'dns';
  server: string;
  port: number;
  name: string;
  recordType: DnsRecordType;
}

export interface IcmpSpec extends BaseSpec {
  type: 'icmp';
  host: string;
  packets: number;
}

export interface HeartbeatSchedule {
  expression: string;
  /** IANA zone the expression's times are in. */
  timezone: string;
  cron: Cron;
}

export interface HeartbeatSpec extends BaseSpec {
  type: 'heartbeat';
  targetId: number;
  /** A ping is expected every period (0 with a schedule)… */
  periodMs: number;
  /** …or at each time of the cron schedule. */
  schedule: HeartbeatSchedule | null;
  graceMs: number;
}

/** A synthetic completion: one streamed `max_tokens: 1` request to an Anthropic- or OpenAI-compatible endpoint. */
export interface LlmSpec extends BaseSpec {
  type: 'llm';
  targetId: number;
  url: string;
  api: LlmApi;
  model: string;
  provider: string;
  /** A secret: sent as x-api-key (anthropic) or a Bearer token (openai), never shown or logged. */
  apiKey: string | null;
  headers: Record<string, string>;
  maxRequestsPerDay: number;
}

export type ProbeSpec = HttpSpec | TcpSpec | TlsSpec | DnsSpec | IcmpSpec | HeartbeatSpec | LlmSpec;

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
  /** Series of the type beyond `up` and the duration: `probe_ssl_earliest_cert_expiry`, `probe_dns_answer_rrs`, … */
  metrics?: Record<string, number>;
  /** The peer answered, so the latency counts in percentiles; by default, when there is an HTTP status. */
  answered?: boolean;
  /** No verdict yet (a heartbeat never pinged, still within its first period): nothing is recorded. */
  skip?: boolean;
}

export interface ScheduledTarget {
  id: number;
  intervalMs: number;
  spec: ProbeSpec;
}
