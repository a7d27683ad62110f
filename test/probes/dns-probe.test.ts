import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '@/lib/clock';
import { type Condition, parseCondition } from '@/lib/probes/conditions';
import { runProbe } from '@/lib/probes/run-probe';
import type { DnsSpec } from '@/lib/probes/types';
import { dnsServer } from './dns-server';

let server: Awaited<ReturnType<typeof dnsServer>>;
beforeAll(async () => {
  server = await dnsServer({
    'example.test': {
      A: ['1.2.3.4', '5.6.7.8'],
      AAAA: ['2001:db8::1'],
      MX: ['10 mail.example.test'],
      TXT: ['v=spf1 -all'],
      NS: ['ns1.example.test'],
    },
    'www.example.test': { CNAME: ['example.test'] },
    '_sip._tcp.example.test': { SRV: ['10 5 5060 sip.example.test'] },
    'broken.test': 'SERVFAIL',
  });
});
afterAll(() => server.close());

const conds = (...texts: string[]): Condition[] =>
  texts.map((t) => {
    const r = parseCondition(t, 'dns');
    if (!r.ok) throw new Error(r.error);
    return r.condition;
  });

const spec = (over: Partial<DnsSpec> = {}): DnsSpec => ({
  type: 'dns',
  server: '127.0.0.1',
  port: server.port,
  name: 'example.test',
  recordType: 'A',
  timeoutMs: 1000,
  conditions: [],
  ...over,
});

describe('dns probe', () => {
  it('answers [DNS_RCODE], [BODY] against any answer, latency and probe_dns_answer_rrs', async () => {
    const r = await runProbe(
      spec({ conditions: conds('[DNS_RCODE] == NOERROR', '[BODY] == 5.6.7.8', '[RESPONSE_TIME] < 500') }),
      systemClock,
    );
    expect(r).toMatchObject({ up: true, error: null, answered: true, metrics: { probe_dns_answer_rrs: 2 } });
    const wrong = await runProbe(spec({ conditions: conds('[BODY] == 9.9.9.9') }), systemClock);
    expect(wrong.error).toBe('condition failed: [BODY] == 9.9.9.9 (got "1.2.3.4, 5.6.7.8")');
  });

  it.each([
    ['AAAA', 'example.test', '[BODY] == 2001:db8::1'],
    ['MX', 'example.test', '[BODY] == pat(10 mail.*)'],
    ['TXT', 'example.test', '[BODY] == pat(v=spf1*)'],
    ['NS', 'example.test', '[BODY] == ns1.example.test'],
    ['CNAME', 'www.example.test', '[BODY] == example.test'],
    ['SRV', '_sip._tcp.example.test', '[BODY] == 10 5 5060 sip.example.test'],
  ] as const)('queries %s records', async (recordType, name, condition) => {
    const r = await runProbe(spec({ recordType, name, conditions: conds(condition) }), systemClock);
    expect(r).toMatchObject({ up: true, error: null });
  });

  it('reports NXDOMAIN and SERVFAIL as rcodes, down by default', async () => {
    const nx = await runProbe(spec({ name: 'nope.test' }), systemClock);
    expect(nx).toMatchObject({ up: false, error: 'nope.test A: NXDOMAIN', metrics: { probe_dns_answer_rrs: 0 } });
    const expected = await runProbe(
      spec({ name: 'nope.test', conditions: conds('[DNS_RCODE] == NXDOMAIN') }),
      systemClock,
    );
    expect(expected.up).toBe(true);
    const sf = await runProbe(spec({ name: 'broken.test', conditions: conds('[DNS_RCODE] == NOERROR') }), systemClock);
    expect(sf.error).toBe('condition failed: [DNS_RCODE] == NOERROR (got "SERVFAIL")');
  });

  it('is down with a reason when the server does not answer', async () => {
    const silent = dgram.createSocket('udp4');
    await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
    const r = await runProbe(spec({ port: silent.address().port, timeoutMs: 300 }), systemClock);
    silent.close();
    expect(r.up).toBe(false);
    expect(r.error).toMatch(/^(DNS server 127\.0\.0\.1:\d+ did not answer|timeout after 300ms)$/);
    const closed = dgram.createSocket('udp4');
    await new Promise<void>((r) => closed.bind(0, '127.0.0.1', () => r()));
    const port = closed.address().port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await runProbe(spec({ port, timeoutMs: 1000 }), systemClock);
    expect(refused.up).toBe(false);
    expect(refused.error).toMatch(/^DNS server 127\.0\.0\.1:\d+ (unreachable \(connection refused\)|did not answer)$/);
  });
});
