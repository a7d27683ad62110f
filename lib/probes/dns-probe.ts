import { Resolver } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import type { Clock } from '@/lib/clock';
import { firstFailure } from './conditions';
import { withDeadline } from './deadline';
import { formatTimeout } from './probe-errors';
import type { DnsSpec, ProbeResult } from './types';

/** c-ares error codes that are a DNS answer, as `[DNS_RCODE]` names them. */
const RCODES: Record<string, string> = {
  ENODATA: 'NOERROR',
  ENOTFOUND: 'NXDOMAIN',
  ESERVFAIL: 'SERVFAIL',
  EREFUSED: 'REFUSED',
  EFORMERR: 'FORMERR',
  ENOTIMP: 'NOTIMP',
};

type Answer = { rcode: string; answers: string[] } | { error: string };

async function query(spec: DnsSpec, resolver: Resolver): Promise<string[]> {
  const name = spec.name;
  switch (spec.recordType) {
    case 'A':
      return resolver.resolve4(name);
    case 'AAAA':
      return resolver.resolve6(name);
    case 'CNAME':
      return resolver.resolveCname(name);
    case 'NS':
      return resolver.resolveNs(name);
    case 'MX':
      return (await resolver.resolveMx(name)).map((r) => `${r.priority} ${r.exchange}`);
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
    case 'SRV':
      return (await resolver.resolveSrv(name)).map((r) => `${r.priority} ${r.weight} ${r.port} ${r.name}`);
  }
}

function ask(spec: DnsSpec, signal: AbortSignal): Promise<Answer> {
  const where = spec.server.includes(':') ? `[${spec.server}]:${spec.port}` : `${spec.server}:${spec.port}`;
  // One try within the target's timeout: a retry would hide a lossy server.
  const resolver = new Resolver({ timeout: spec.timeoutMs, tries: 1 });
  try {
    resolver.setServers([where]);
  } catch {
    return Promise.resolve({ error: `invalid DNS server ${where}` });
  }
  signal.addEventListener('abort', () => resolver.cancel(), { once: true });
  return query(spec, resolver).then(
    (answers): Answer => ({ rcode: 'NOERROR', answers }),
    (err: { code?: string }): Answer => {
      const code = err.code ?? '';
      if (RCODES[code]) return { rcode: RCODES[code], answers: [] };
      if (code === 'ECONNREFUSED') return { error: `DNS server ${where} unreachable (connection refused)` };
      if (code === 'ETIMEOUT') return { error: `DNS server ${where} did not answer` };
      if (code === 'EBADRESP') return { error: `DNS server ${where} sent a malformed answer` };
      return { error: `DNS query failed (${code || 'unknown error'})` };
    },
  );
}

/** One DNS query of `recordType` for `name` at `server`: the rcode and the answers as text. */
export async function runDnsProbe(spec: DnsSpec, clock: Clock): Promise<ProbeResult> {
  const ts = clock.now();
  const started = performance.now();
  const answer = await withDeadline(
    spec.timeoutMs,
    (signal) => ask(spec, signal),
    (): Answer => ({ error: `timeout after ${formatTimeout(spec.timeoutMs)}` }),
  );
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const base = { ts, statusCode: null, latencyMs, gauges: {} };
  if ('error' in answer) return { ...base, up: false, error: answer.error, answered: false };
  const response = { latencyMs, connected: true, rcode: answer.rcode, answers: answer.answers };
  const error =
    spec.conditions.length === 0
      ? answer.rcode === 'NOERROR'
        ? null
        : `${spec.name} ${spec.recordType}: ${answer.rcode}`
      : firstFailure(spec.conditions, response);
  return {
    ...base,
    up: error === null,
    error,
    answered: true,
    metrics: { probe_dns_answer_rrs: answer.answers.length },
  };
}
