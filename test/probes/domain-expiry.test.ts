import http from 'node:http';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as targets from '@/app/api/v1/targets/route';
import { systemClock } from '@/lib/clock';
import { type Condition, parseCondition } from '@/lib/probes/conditions';
import { clearDomainExpiryCache, registeredDomain } from '@/lib/probes/domain-expiry';
import { runProbe } from '@/lib/probes/run-probe';
import type { TlsSpec } from '@/lib/probes/types';
import { call, lookoutPerTest } from '../helpers/lookout';
import { TestPki } from './certs';

const DAY = 86_400_000;
const start = lookoutPerTest();
let pki: TestPki;
let tlsPort = 0;
let rdapServer: http.Server;
const closers: (() => void)[] = [];
const asked: string[] = [];
const expiries = new Map<string, string>();

beforeAll(async () => {
  pki = new TestPki();
  const leaf = pki.leaf();
  const server = tls.createServer({ key: leaf.key, cert: leaf.cert + pki.intermediate.cert }, (s) => s.end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  tlsPort = (server.address() as AddressInfo).port;
  closers.push(() => server.close());
  // A local RDAP server answering RFC 9083's domain object; rdap.org would redirect to one like it.
  rdapServer = http.createServer((req, res) => {
    asked.push(req.url ?? '');
    const domain = decodeURIComponent((req.url ?? '').replace(/^\/domain\//, ''));
    const expiry = expiries.get(domain);
    if (expiry === undefined) return res.writeHead(404, { 'content-type': 'application/rdap+json' }).end('{}');
    res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(
      JSON.stringify({
        objectClassName: 'domain',
        ldhName: domain.toUpperCase(),
        rdapConformance: ['rdap_level_0'],
        events: [
          { eventAction: 'registration', eventDate: '2001-05-02T10:00:00Z' },
          { eventAction: 'expiration', eventDate: expiry },
          { eventAction: 'last update of RDAP database', eventDate: new Date().toISOString() },
        ],
      }),
    );
  });
  await new Promise<void>((r) => rdapServer.listen(0, '127.0.0.1', () => r()));
  process.env.LOOKOUT_RDAP_URL = `http://127.0.0.1:${(rdapServer.address() as AddressInfo).port}/`;
  closers.push(() => rdapServer.close());
}, 30_000);
afterAll(() => {
  delete process.env.LOOKOUT_RDAP_URL;
  for (const c of closers) c();
});
afterEach(() => {
  clearDomainExpiryCache();
  asked.length = 0;
});

const conds = (...texts: string[]): Condition[] =>
  texts.map((t) => {
    const r = parseCondition(t, 'tls');
    if (!r.ok) throw new Error(r.error);
    return r.condition;
  });

const spec = (domain: string, conditions: Condition[] = []): TlsSpec => ({
  type: 'tls',
  host: '127.0.0.1',
  port: tlsPort,
  insecureSkipVerify: false,
  ca: [pki.root.cert],
  timeoutMs: 3000,
  conditions,
  domain,
});

describe('domain expiry over RDAP (tls targets)', () => {
  it('exports probe_domain_expiry and answers [DOMAIN_EXPIRATION], asking RDAP once per 12 hours', async () => {
    const expiry = new Date(Math.floor((Date.now() + 20 * DAY) / 1000) * 1000).toISOString();
    expiries.set('example.com', expiry);
    const ok = await runProbe(spec('example.com', conds('[DOMAIN_EXPIRATION] > 14d')), systemClock);
    expect(ok).toMatchObject({ up: true, error: null });
    expect(ok.metrics!.probe_domain_expiry).toBe(Date.parse(expiry) / 1000);
    expect(ok.metrics!.probe_ssl_earliest_cert_expiry).toBeGreaterThan(0);
    const soon = await runProbe(spec('example.com', conds('[DOMAIN_EXPIRATION] > 720h')), systemClock);
    expect(soon).toMatchObject({ up: false, error: 'condition failed: [DOMAIN_EXPIRATION] > 720h (expires in 20d)' });
    expect(asked).toEqual(['/domain/example.com']);
  });

  it('says why when the registry does not know the domain, and an expired domain is down', async () => {
    const unknown = await runProbe(spec('nowhere.example', conds('[DOMAIN_EXPIRATION] > 14d')), systemClock);
    expect(unknown).toMatchObject({
      up: false,
      error: 'condition failed: [DOMAIN_EXPIRATION] > 14d (RDAP: domain nowhere.example not found)',
    });
    expiries.set('lapsed.example', '2020-01-01T00:00:00Z');
    expect(await runProbe(spec('lapsed.example'), systemClock)).toMatchObject({
      up: false,
      error: 'domain lapsed.example has expired',
    });
  });

  it('takes the domain from the host, or as written; [DOMAIN_EXPIRATION] needs domain_expiry', async () => {
    expect(registeredDomain('www.Example.com.')).toBe('example.com');
    start();
    const post = (body: Record<string, unknown>) =>
      call(targets.POST, '/api/v1/targets', {
        method: 'POST',
        body: { name: 'site', type: 'tls', url: 'tls://www.example.co.uk', ...body },
      });
    const ok = await post({ domain_expiry: 'example.co.uk', conditions: ['[DOMAIN_EXPIRATION] > 30d'] });
    expect(ok.status).toBe(201);
    expect((ok.body as { data: unknown }).data).toMatchObject({ domain_expiry: 'example.co.uk' });
    const bad = await post({ conditions: ['[DOMAIN_EXPIRATION] > 30d'] });
    expect((bad.body as { error: { issues: unknown[] } }).error.issues).toContainEqual({
      path: 'conditions.0',
      message: '[DOMAIN_EXPIRATION] needs domain_expiry on the target',
    });
  });
});
