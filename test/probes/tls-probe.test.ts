import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, systemClock } from '@/lib/clock';
import { type Condition, parseCondition } from '@/lib/probes/conditions';
import { runProbe } from '@/lib/probes/run-probe';
import type { HttpSpec, TlsSpec } from '@/lib/probes/types';
import { type Issued, TestPki } from './certs';

const DAY = 86_400_000;
let pki: TestPki;
const servers: tls.Server[] = [];

/** A real TLS server on 127.0.0.1 presenting `chain` (leaf first); `http` makes it answer one HTTP request. */
function serve(leaf: Issued, chain: string[], http = false): Promise<number> {
  const server = tls.createServer({ key: leaf.key, cert: [leaf.cert, ...chain].join('') }, (s) => {
    s.on('error', () => {});
    if (http) s.on('data', () => s.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok'));
  });
  servers.push(server);
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}

const conds = (type: 'tls' | 'http', ...texts: string[]): Condition[] =>
  texts.map((t) => {
    const r = parseCondition(t, type);
    if (!r.ok) throw new Error(r.error);
    return r.condition;
  });

const spec = (port: number, over: Partial<TlsSpec> = {}): TlsSpec => ({
  type: 'tls',
  host: '127.0.0.1',
  port,
  insecureSkipVerify: false,
  ca: [pki.root.cert],
  timeoutMs: 3000,
  conditions: [],
  ...over,
});

let good: number;
let goodEnd: number;
beforeAll(async () => {
  pki = new TestPki();
  goodEnd = Math.floor((Date.now() + 40 * DAY) / 1000) * 1000;
  good = await serve(pki.leaf({ end: goodEnd }), [pki.intermediate.cert]);
}, 30_000);
afterAll(() => {
  for (const s of servers) s.close();
});

describe('tls probe', () => {
  it('exports the earliest expiry of the chain and passes [CERTIFICATE_EXPIRATION] > 336h', async () => {
    const r = await runProbe(
      spec(good, { conditions: conds('tls', '[CERTIFICATE_EXPIRATION] > 336h', '[CONNECTED] == true') }),
      systemClock,
    );
    expect(r).toMatchObject({ up: true, error: null, answered: true });
    // The leaf runs 40 days, the intermediate 30: the chain's earliest end is the intermediate's.
    const intermediateEnd = new X509Certificate(pki.intermediate.cert).validTo;
    expect(r.metrics!.probe_ssl_earliest_cert_expiry * 1000).toBe(Math.min(goodEnd, Date.parse(intermediateEnd)));
  });

  it('fails the expiry condition once fewer than 14 days are left (a fake clock weeks later)', async () => {
    const later = new FakeClock(Date.now() + 25 * DAY);
    const r = await runProbe(spec(good, { conditions: conds('tls', '[CERTIFICATE_EXPIRATION] > 336h') }), later);
    expect(r.up).toBe(false);
    expect(r.error).toMatch(/^condition failed: \[CERTIFICATE_EXPIRATION\] > 336h \(expires in \d+[hd]\)$/);
  });

  it('names an expired certificate', async () => {
    const port = await serve(pki.leaf({ start: Date.now() - 60 * DAY, end: Date.now() - DAY }), [
      pki.intermediate.cert,
    ]);
    const r = await runProbe(spec(port), systemClock);
    expect(r).toMatchObject({ up: false, error: 'TLS error: certificate has expired' });
    expect(r.metrics!.probe_ssl_earliest_cert_expiry * 1000).toBeLessThan(Date.now());
  });

  it('names a self-signed certificate, and insecure_skip_verify accepts it', async () => {
    const self = pki.selfSigned('localhost', 30, 'DNS:localhost,IP:127.0.0.1');
    const port = await serve(self, []);
    expect((await runProbe(spec(port), systemClock)).error).toBe('TLS error: self-signed certificate');
    const skipped = await runProbe(spec(port, { insecureSkipVerify: true }), systemClock);
    expect(skipped).toMatchObject({ up: true, error: null });
    expect(skipped.metrics!.probe_ssl_earliest_cert_expiry).toBeGreaterThan(Date.now() / 1000);
  });

  it('names a certificate for another host', async () => {
    const port = await serve(pki.leaf({ san: 'DNS:other.example' }), [pki.intermediate.cert]);
    const r = await runProbe(spec(port), systemClock);
    expect(r.error).toBe('TLS error: certificate is not valid for 127.0.0.1');
  });

  it('names a broken chain: the server leaves out the intermediate', async () => {
    const port = await serve(pki.leaf(), []);
    const r = await runProbe(spec(port), systemClock);
    expect(r.error).toBe(
      'TLS error: unable to verify the certificate (unknown issuer, or the server left out an intermediate)',
    );
  });

  it('says when the port does not speak TLS', async () => {
    const net = await import('node:net');
    const plain = net.createServer((s) => s.end('SSH-2.0-OpenSSH\r\n'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', () => r()));
    const r = await runProbe(spec((plain.address() as AddressInfo).port), systemClock);
    plain.close();
    expect(r.up).toBe(false);
    expect(r.error).toMatch(/^(TLS error|connection reset)/);
  });
});

describe('https targets', () => {
  it('export probe_ssl_earliest_cert_expiry and answer [CERTIFICATE_EXPIRATION]', async () => {
    const self = pki.selfSigned('localhost', 30, 'DNS:localhost,IP:127.0.0.1');
    const port = await serve(self, [], true);
    const http: HttpSpec = {
      url: `https://127.0.0.1:${port}/`,
      method: 'GET',
      headers: {},
      body: null,
      timeoutMs: 3000,
      conditions: conds('http', '[STATUS] == 200', '[CERTIFICATE_EXPIRATION] > 14d'),
    };
    expect((await runProbe(http, systemClock)).error).toBe('TLS error: self-signed certificate');
    const r = await runProbe({ ...http, insecureSkipVerify: true }, systemClock);
    expect(r).toMatchObject({ up: true, statusCode: 200, error: null });
    const expiry = Date.parse(new X509Certificate(self.cert).validTo);
    expect(r.metrics).toEqual({ probe_ssl_earliest_cert_expiry: expiry / 1000 });
    const late = await runProbe({ ...http, insecureSkipVerify: true }, new FakeClock(Date.now() + 20 * DAY));
    expect(late.error).toMatch(/^condition failed: \[CERTIFICATE_EXPIRATION\] > 14d \(expires in \d+[hd]\)$/);
  });
});
