import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '@/lib/clock';
import { type Condition, parseCondition } from '@/lib/probes/conditions';
import { runProbe } from '@/lib/probes/run-probe';
import type { StarttlsProtocol } from '@/lib/probes/target-types';
import type { TcpSpec } from '@/lib/probes/types';
import { type Issued, TestPki } from './certs';

const DAY = 86_400_000;
let pki: TestPki;
const closers: (() => void)[] = [];

const listen = (server: net.Server): Promise<number> =>
  new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));

/** A real SMTP server (smtp-server from npm) offering STARTTLS with `leaf` and the intermediate. */
async function smtpServer(leaf: Issued, offer = true): Promise<number> {
  const server = new SMTPServer({
    secure: false,
    key: leaf.key,
    cert: leaf.cert + pki.intermediate.cert,
    authOptional: true,
    hideSTARTTLS: !offer,
    logger: false,
  });
  server.on('error', () => {});
  closers.push(() => server.close());
  return listen(server.server);
}

/** The upgrade `tls.TLSSocket` does on the server side once the plain exchange says go ahead. */
function upgrade(socket: net.Socket, leaf: Issued): void {
  const secure = new tls.TLSSocket(socket, { isServer: true, key: leaf.key, cert: leaf.cert + pki.intermediate.cert });
  secure.on('error', () => {});
}

/** A stub IMAP server the test controls: greets, answers `a1 STARTTLS` with `reply`, upgrades on OK. */
async function imapServer(leaf: Issued, reply = 'a1 OK Begin TLS negotiation now'): Promise<number> {
  const server = net.createServer((s) => {
    s.on('error', () => {});
    s.write('* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n');
    s.once('data', (d) => {
      expect(d.toString()).toBe('a1 STARTTLS\r\n');
      s.write(`* some untagged line\r\n${reply}\r\n`);
      if (reply.startsWith('a1 OK')) upgrade(s, leaf);
    });
  });
  closers.push(() => server.close());
  return listen(server);
}

/** A stub Postgres that reads the SSLRequest and answers `answer` (S: go ahead, N: no SSL). */
async function postgresServer(leaf: Issued, answer: 'S' | 'N' = 'S'): Promise<number> {
  const server = net.createServer((s) => {
    s.on('error', () => {});
    s.once('data', (d) => {
      expect([d.readInt32BE(0), d.readInt32BE(4)]).toEqual([8, 80877103]);
      s.write(answer);
      if (answer === 'S') upgrade(s, leaf);
      else s.end();
    });
  });
  closers.push(() => server.close());
  return listen(server);
}

const conds = (...texts: string[]): Condition[] =>
  texts.map((t) => {
    const r = parseCondition(t, 'tcp');
    if (!r.ok) throw new Error(r.error);
    return r.condition;
  });

const spec = (port: number, starttls: StarttlsProtocol, over: Partial<TcpSpec> = {}): TcpSpec => ({
  type: 'tcp',
  host: '127.0.0.1',
  port,
  send: null,
  expect: null,
  starttls,
  insecureSkipVerify: false,
  ca: [pki.root.cert],
  timeoutMs: 3000,
  conditions: [],
  ...over,
});

// The leaf ends before the intermediate (30 days), so it is the chain's earliest expiry.
let goodEnd: number;
let good: Issued;
beforeAll(() => {
  pki = new TestPki();
  goodEnd = Math.floor((Date.now() + 20 * DAY) / 1000) * 1000;
  good = pki.leaf({ end: goodEnd });
}, 30_000);
afterAll(() => {
  for (const c of closers) c();
});

describe('tcp probe with STARTTLS', () => {
  it('smtp: EHLO, STARTTLS, then the chain is verified and its earliest expiry exported', async () => {
    const port = await smtpServer(good);
    const r = await runProbe(spec(port, 'smtp', { conditions: conds('[CERTIFICATE_EXPIRATION] > 336h') }), systemClock);
    expect(r).toMatchObject({ up: true, error: null, answered: true });
    expect(r.metrics).toEqual({ probe_tcp_connected: 1, probe_ssl_earliest_cert_expiry: goodEnd / 1000 });
    const soon = await runProbe(
      spec(port, 'smtp', { conditions: conds('[CERTIFICATE_EXPIRATION] > 30d') }),
      systemClock,
    );
    expect(soon).toMatchObject({
      up: false,
      error: 'condition failed: [CERTIFICATE_EXPIRATION] > 30d (expires in 20d)',
    });
  });

  it('smtp: a server that does not offer STARTTLS, and an expired certificate, each say so', async () => {
    const plain = await smtpServer(good, false);
    expect(await runProbe(spec(plain, 'smtp'), systemClock)).toMatchObject({
      up: false,
      error: 'SMTP server does not offer STARTTLS',
      metrics: { probe_tcp_connected: 1 },
    });
    const expired = await smtpServer(pki.leaf({ start: Date.now() - 30 * DAY, end: Date.now() - DAY }));
    expect(await runProbe(spec(expired, 'smtp'), systemClock)).toMatchObject({
      up: false,
      error: 'TLS error: certificate has expired',
    });
  });

  it('imap: a1 STARTTLS upgrades; a tagged NO is the reason', async () => {
    const r = await runProbe(spec(await imapServer(good), 'imap'), systemClock);
    expect(r).toMatchObject({ up: true, error: null });
    expect(r.metrics!.probe_ssl_earliest_cert_expiry).toBe(goodEnd / 1000);
    const refused = await runProbe(spec(await imapServer(good, 'a1 NO STARTTLS unavailable'), 'imap'), systemClock);
    expect(refused).toMatchObject({ up: false, error: 'STARTTLS refused: "a1 NO STARTTLS unavailable"' });
  });

  it('postgres: SSLRequest then TLS; N is refused SSL; a self-signed certificate fails unless skipped', async () => {
    expect(await runProbe(spec(await postgresServer(good), 'postgres'), systemClock)).toMatchObject({ up: true });
    expect(await runProbe(spec(await postgresServer(good, 'N'), 'postgres'), systemClock)).toMatchObject({
      up: false,
      error: 'the Postgres server refused SSL (answered N: ssl is off)',
    });
    const self = await postgresServer({ ...pki.selfSigned('localhost', 30, 'IP:127.0.0.1') });
    expect(await runProbe(spec(self, 'postgres'), systemClock)).toMatchObject({
      up: false,
      error: 'TLS error: self-signed certificate',
    });
    expect(await runProbe(spec(self, 'postgres', { insecureSkipVerify: true }), systemClock)).toMatchObject({
      up: true,
    });
  });

  it('times out on a server that never answers, and says connection refused on a closed port', async () => {
    const silent = net.createServer((s) => s.on('error', () => {}));
    closers.push(() => silent.close());
    const r = await runProbe(spec(await listen(silent), 'smtp', { timeoutMs: 300 }), systemClock);
    expect(r).toMatchObject({ up: false, error: 'timeout after 300ms' });
    const closed = net.createServer();
    const port = await listen(closed);
    await new Promise((res) => closed.close(res));
    expect(await runProbe(spec(port, 'imap'), systemClock)).toMatchObject({ up: false, error: 'connection refused' });
  });
});
