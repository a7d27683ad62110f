import { parseAddress, parseServer } from '@/lib/probes/target-address';
import type { TargetType } from '@/lib/probes/target-types';

/** The fields that apply to some types only; any other field applies to every type. */
const ONLY: Record<string, readonly TargetType[]> = {
  url: ['http', 'tcp', 'tls', 'icmp'],
  method: ['http'],
  headers: ['http'],
  body: ['http'],
  insecure_skip_verify: ['http', 'tls'],
  send: ['tcp'],
  expect: ['tcp'],
  server: ['dns'],
  query_name: ['dns'],
  query_type: ['dns'],
  packets: ['icmp'],
  period: ['heartbeat'],
  grace: ['heartbeat'],
  token: ['heartbeat'],
};

/** Zod's own words for a missing value, which the config errors show as `required (string)`. */
const MISSING = 'Invalid input: expected string, received undefined';

export interface TypeFields {
  type?: TargetType;
  url?: string;
  server?: string;
  query_name?: string;
  period?: number;
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
  if (type === 'llm') return [{ path: 'type', message: 'llm targets are not yet supported' }];
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
  } else if (type === 'dns') {
    if (t.server === undefined) issues.push({ path: 'server', message: 'server is required, e.g. 1.1.1.1:53' });
    else if (!parseServer(t.server))
      issues.push({
        path: 'server',
        message: 'server must be an IP address or host with an optional port, e.g. 127.0.0.1:5353',
      });
    if (t.query_name === undefined) issues.push({ path: 'query_name', message: 'query_name is required' });
  } else if (type === 'heartbeat') {
    if (t.period === undefined) issues.push({ path: 'period', message: 'period is required, e.g. 1h' });
  }
  return issues;
}
