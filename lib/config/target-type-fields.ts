import { parseAddress, parseServer } from '@/lib/probes/target-address';
import type { TargetType } from '@/lib/probes/target-types';
import { parseCron } from '@/lib/time/cron';
import { isTimeZone } from '@/lib/time/zone';

/** The fields that apply to some types only; any other field applies to every type. */
const ONLY: Record<string, readonly TargetType[]> = {
  url: ['http', 'tcp', 'tls', 'icmp', 'llm'],
  method: ['http'],
  headers: ['http', 'llm'],
  body: ['http'],
  insecure_skip_verify: ['http', 'tls', 'tcp'],
  starttls: ['tcp'],
  domain_expiry: ['tls'],
  send: ['tcp'],
  expect: ['tcp'],
  server: ['dns'],
  query_name: ['dns'],
  query_type: ['dns'],
  packets: ['icmp'],
  period: ['heartbeat'],
  schedule: ['heartbeat'],
  timezone: ['heartbeat'],
  grace: ['heartbeat'],
  token: ['heartbeat'],
  api: ['llm'],
  model: ['llm'],
  provider: ['llm'],
  api_key: ['llm'],
  max_requests_per_day: ['llm'],
};

/** Zod's own words for a missing value, which the config errors show as `required (string)`. */
const MISSING = 'Invalid input: expected string, received undefined';

export interface TypeFields {
  type?: TargetType;
  url?: string;
  server?: string;
  query_name?: string;
  period?: number;
  schedule?: string;
  timezone?: string;
  starttls?: string;
  insecure_skip_verify?: boolean;
  send?: string;
  expect?: string;
  conditions?: readonly string[];
  domain_expiry?: unknown;
  model?: string;
}

function validHttpUrl(u: string): boolean {
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * What is wrong with a target's type-specific fields: `given` are the fields the user wrote (checked
 * against the type), and `t` is the whole target as it will be (checked for what the type needs).
 */
export function targetIssues(t: TypeFields, given: readonly string[]): { path: string; message: string }[] {
  const type = t.type ?? 'http';
  const issues: { path: string; message: string }[] = [];
  for (const key of given) {
    const only = ONLY[key];
    if (only && !only.includes(type)) {
      issues.push({ path: key, message: `${key} applies to ${only.join(', ')} targets, not ${type}` });
    }
  }
  if (issues.length) return issues;
  if (type === 'http') {
    if (t.url === undefined) issues.push({ path: 'url', message: MISSING });
    else if (!validHttpUrl(t.url))
      issues.push({ path: 'url', message: 'url must be an absolute http:// or https:// address' });
  } else if (type === 'tcp' || type === 'tls' || type === 'icmp') {
    const address = t.url === undefined ? MISSING : parseAddress(t.url, type);
    if (typeof address === 'string') issues.push({ path: 'url', message: address });
    if (type === 'tcp') issues.push(...starttlsIssues(t));
    if (type === 'tls' && (t.domain_expiry === undefined || t.domain_expiry === false))
      (t.conditions ?? []).forEach((c, i) => {
        if (c.includes('[DOMAIN_EXPIRATION]'))
          issues.push({ path: `conditions.${i}`, message: '[DOMAIN_EXPIRATION] needs domain_expiry on the target' });
      });
  } else if (type === 'dns') {
    if (t.server === undefined) issues.push({ path: 'server', message: 'server is required, e.g. 1.1.1.1:53' });
    else if (!parseServer(t.server))
      issues.push({
        path: 'server',
        message: 'server must be an IP address or host with an optional port, e.g. 127.0.0.1:5353',
      });
    if (t.query_name === undefined) issues.push({ path: 'query_name', message: 'query_name is required' });
  } else if (type === 'heartbeat') {
    issues.push(...heartbeatIssues(t));
  } else if (type === 'llm') {
    if (t.url === undefined) issues.push({ path: 'url', message: MISSING });
    else if (!validHttpUrl(t.url))
      issues.push({
        path: 'url',
        message: 'url must be the endpoint, e.g. http://127.0.0.1:3456/v1/messages or https://…/v1/chat/completions',
      });
    if (t.model === undefined)
      issues.push({ path: 'model', message: 'model is required, e.g. llama-3.3-70b-versatile' });
  }
  return issues;
}

/** A heartbeat expects pings every `period` or on a cron `schedule` (in `timezone`), one of the two. */
function heartbeatIssues(t: TypeFields): { path: string; message: string }[] {
  if (t.period !== undefined && t.schedule !== undefined)
    return [{ path: 'schedule', message: 'give either period or schedule, not both' }];
  if (t.period === undefined && t.schedule === undefined)
    return [
      { path: 'period', message: 'period is required, e.g. 1h, or a schedule (a cron expression such as 0 3 * * *)' },
    ];
  const issues: { path: string; message: string }[] = [];
  if (t.schedule !== undefined) {
    const parsed = parseCron(t.schedule);
    if (!parsed.ok) issues.push({ path: 'schedule', message: parsed.error });
  } else if (t.timezone !== undefined)
    issues.push({ path: 'timezone', message: 'timezone applies to a schedule, not a period' });
  if (t.timezone !== undefined && !isTimeZone(t.timezone))
    issues.push({
      path: 'timezone',
      message: `"${t.timezone.slice(0, 64)}" is not an IANA time zone name such as Europe/Berlin or UTC`,
    });
  return issues;
}

/** With starttls the check is a TLS handshake: send/expect do not apply; without it there is no certificate. */
function starttlsIssues(t: TypeFields): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (t.starttls !== undefined) {
    for (const key of ['send', 'expect'] as const)
      if (t[key] !== undefined) issues.push({ path: key, message: `${key} does not apply with starttls` });
    return issues;
  }
  if (t.insecure_skip_verify !== undefined)
    issues.push({ path: 'insecure_skip_verify', message: 'insecure_skip_verify applies to tcp targets with starttls' });
  (t.conditions ?? []).forEach((c, i) => {
    if (c.includes('[CERTIFICATE_EXPIRATION]'))
      issues.push({ path: `conditions.${i}`, message: '[CERTIFICATE_EXPIRATION] needs starttls on a tcp target' });
  });
  return issues;
}
