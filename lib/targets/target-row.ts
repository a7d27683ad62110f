import { type Condition, parseCondition } from '@/lib/probes/conditions';
import { registeredDomain } from '@/lib/probes/domain-expiry';
import { parseAddress, parseServer } from '@/lib/probes/target-address';
import type { DnsRecordType, LlmApi, StarttlsProtocol, TargetType } from '@/lib/probes/target-types';
import type { HeartbeatSchedule, ProbeSpec, ScheduledTarget } from '@/lib/probes/types';
import { parseCron } from '@/lib/time/cron';

export interface TargetRow {
  id: number;
  name: string;
  type: TargetType;
  url: string;
  method: string;
  headers: string;
  body: string | null;
  options: string;
  interval_ms: number;
  timeout_ms: number;
  conditions: string;
  failure_threshold: number;
  success_threshold: number;
  paused: number;
  provisioned: number;
  created_at: number;
  updated_at: number;
  status: 'up' | 'down' | 'pending';
  status_since: number;
  fail_streak: number;
  ok_streak: number;
  ping_token_hash: string | null;
  last_ping_at: number | null;
  last_ping_ok: number | null;
  last_ping_body: string | null;
  last_start_at: number | null;
}

/** The type's own fields as stored in `options` (durations in ms). */
export interface TargetOptions {
  insecure_skip_verify?: boolean;
  send?: string;
  expect?: string;
  server?: string;
  query_name?: string;
  query_type?: DnsRecordType;
  packets?: number;
  period?: number;
  /** A heartbeat's cron expression instead of a period, in `timezone` (UTC when absent). */
  schedule?: string;
  timezone?: string;
  grace?: number;
  /** A tcp target upgrades to TLS with this protocol's STARTTLS before the handshake. */
  starttls?: StarttlsProtocol;
  /** A tls target reads its domain's registration expiry over RDAP: true for the host's domain, or the domain. */
  domain_expiry?: boolean | string;
  /** llm: the wire format, the model asked for, the provider it is labelled with, the key (a secret), the cap. */
  api?: LlmApi;
  model?: string;
  provider?: string;
  api_key?: string;
  max_requests_per_day?: number;
}

/** An llm target sends at most this many requests a UTC day unless told otherwise. */
export const DEFAULT_LLM_DAILY_CAP = 1000;

/** openai when the path is OpenAI's completions path, else anthropic (`/v1/messages`, CCProxy's own). */
export function llmApiOf(url: string, api: LlmApi | undefined): LlmApi {
  return api ?? (/\/chat\/completions\/?$/.test(url.split('?')[0]) ? 'openai' : 'anthropic');
}

export const OPTION_KEYS = [
  'insecure_skip_verify',
  'send',
  'expect',
  'server',
  'query_name',
  'query_type',
  'packets',
  'period',
  'schedule',
  'timezone',
  'grace',
  'starttls',
  'domain_expiry',
  'api',
  'model',
  'provider',
  'api_key',
  'max_requests_per_day',
] as const satisfies readonly (keyof TargetOptions)[];

export function conditionsOf(row: Pick<TargetRow, 'conditions'>): string[] {
  return JSON.parse(row.conditions) as string[];
}

export function optionsOf(row: Pick<TargetRow, 'options'>): TargetOptions {
  return JSON.parse(row.options) as TargetOptions;
}

/** The url a target is shown and labelled (`instance`) by: for dns and heartbeat targets, made from their fields. */
export function displayUrl(type: TargetType, name: string, url: string | undefined, o: TargetOptions): string {
  if (type === 'dns') return `dns://${o.server}/${o.query_name}?type=${o.query_type ?? 'A'}`;
  if (type === 'heartbeat') return `heartbeat://${name}`;
  return url ?? '';
}

function scheduleOf(o: TargetOptions): HeartbeatSchedule | null {
  const parsed = o.schedule === undefined ? null : parseCron(o.schedule);
  if (!parsed?.ok) return null;
  return { expression: o.schedule!, timezone: o.timezone ?? 'UTC', cron: parsed.cron };
}

function specOf(row: TargetRow, conditions: Condition[]): ProbeSpec {
  const o = optionsOf(row);
  const base = { timeoutMs: row.timeout_ms, conditions };
  const address = parseAddress(row.url, row.type);
  const host = typeof address === 'string' ? '' : address.host;
  const port = typeof address === 'string' ? 0 : address.port;
  switch (row.type) {
    case 'tcp':
      return {
        ...base,
        type: 'tcp',
        host,
        port,
        send: o.send ?? null,
        expect: o.expect ?? null,
        starttls: o.starttls ?? null,
        insecureSkipVerify: o.insecure_skip_verify === true,
      };
    case 'tls':
      return {
        ...base,
        type: 'tls',
        host,
        port,
        insecureSkipVerify: o.insecure_skip_verify === true,
        domain: typeof o.domain_expiry === 'string' ? o.domain_expiry : o.domain_expiry ? registeredDomain(host) : null,
      };
    case 'icmp':
      return { ...base, type: 'icmp', host, packets: o.packets ?? 3 };
    case 'dns': {
      const server = parseServer(o.server ?? '') ?? { host: '', port: 53 };
      const recordType = o.query_type ?? 'A';
      return { ...base, type: 'dns', server: server.host, port: server.port, name: o.query_name ?? '', recordType };
    }
    case 'heartbeat':
      return {
        ...base,
        type: 'heartbeat',
        targetId: row.id,
        periodMs: o.period ?? 0,
        schedule: scheduleOf(o),
        graceMs: o.grace ?? 0,
      };
    case 'llm':
      return {
        ...base,
        type: 'llm',
        targetId: row.id,
        url: row.url,
        api: llmApiOf(row.url, o.api),
        model: o.model ?? '',
        provider: o.provider ?? row.name,
        apiKey: o.api_key ?? null,
        headers: JSON.parse(row.headers) as Record<string, string>,
        maxRequestsPerDay: o.max_requests_per_day ?? DEFAULT_LLM_DAILY_CAP,
      };
    default:
      return {
        ...base,
        url: row.url,
        method: row.method,
        headers: JSON.parse(row.headers) as Record<string, string>,
        body: row.body,
        ...(o.insecure_skip_verify && { insecureSkipVerify: true }),
      };
  }
}

export function toScheduled(row: TargetRow): ScheduledTarget {
  const conditions = conditionsOf(row)
    .map((c) => parseCondition(c, row.type))
    .flatMap((r): Condition[] => (r.ok ? [r.condition] : []));
  return { id: row.id, intervalMs: row.interval_ms, spec: specOf(row, conditions) };
}
