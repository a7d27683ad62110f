import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '@/lib/clock';
import { type Condition, parseCondition } from '@/lib/probes/conditions';
import { runProbe } from '@/lib/probes/run-probe';
import type { TcpSpec } from '@/lib/probes/types';

const open: net.Server[] = [];
const sockets = new Set<net.Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(open.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A real TCP server on 127.0.0.1 that answers each connection with `onSocket`. */
function tcpServer(onSocket: (s: net.Socket) => void): Promise<number> {
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => {}); // the probe hangs up when it has what it needs
    s.on('close', () => sockets.delete(s));
    onSocket(s);
  });
  open.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
}

const conds = (...texts: string[]): Condition[] =>
  texts.map((t) => {
    const r = parseCondition(t, 'tcp');
    if (!r.ok) throw new Error(r.error);
    return r.condition;
  });

const spec = (port: number, over: Partial<TcpSpec> = {}): TcpSpec => ({
  type: 'tcp',
  host: '127.0.0.1',
  port,
  send: null,
  expect: null,
  timeoutMs: 1000,
  conditions: [],
  ...over,
});

const freePort = async () => {
  const port = await tcpServer(() => {});
  await new Promise((r) => open.pop()!.close(r));
  return port;
};

describe('tcp probe', () => {
  it('is up when it connects, with latency and probe_tcp_connected', async () => {
    const port = await tcpServer((s) => s.end());
    const r = await runProbe(
      spec(port, { conditions: conds('[CONNECTED] == true', '[RESPONSE_TIME] < 300') }),
      systemClock,
    );
    expect(r).toMatchObject({
      up: true,
      error: null,
      statusCode: null,
      answered: true,
      metrics: { probe_tcp_connected: 1 },
    });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(r.latencyMs).toBeLessThan(300);
  });

  it('is down with "connection refused" on a closed port', async () => {
    const r = await runProbe(spec(await freePort()), systemClock);
    expect(r).toMatchObject({ up: false, error: 'connection refused', metrics: { probe_tcp_connected: 0 } });
  });

  it('sends a string and matches the reply against expect and [BODY] patterns', async () => {
    const port = await tcpServer((s) =>
      s.on('data', (d) => {
        if (d.toString() === 'PING\r\n') s.write('+OK pong\r\n');
      }),
    );
    const good = await runProbe(
      spec(port, { send: 'PING\r\n', expect: '+OK*', conditions: conds('[BODY] == pat(*OK*)') }),
      systemClock,
    );
    expect(good).toMatchObject({ up: true, error: null });
    const wrongBody = await runProbe(
      spec(port, { send: 'PING\r\n', conditions: conds('[BODY] == pat(*ERR*)') }),
      systemClock,
    );
    expect(wrongBody.error).toBe('condition failed: [BODY] == pat(*ERR*) (got "+OK pong\\r\\n")');
  });

  it('reads a banner without sending, and says what came when expect never matches', async () => {
    const port = await tcpServer((s) => s.write('220 smtp.test ESMTP\r\n'));
    expect(await runProbe(spec(port, { expect: '220 *' }), systemClock)).toMatchObject({ up: true });
    const r = await runProbe(spec(port, { expect: '554 *', timeoutMs: 300 }), systemClock);
    expect(r.up).toBe(false);
    expect(r.error).toBe('timeout after 300ms, reply so far "220 smtp.test ESMTP\\r\\n"');
  });

  it('fails when the peer closes before expect matched', async () => {
    const port = await tcpServer((s) => s.end('nope'));
    const r = await runProbe(spec(port, { expect: 'yes*' }), systemClock);
    expect(r.error).toBe('reply did not match expect "yes*" (got "nope")');
  });

  it('times out on a server that accepts and never answers, within its timeout', async () => {
    const port = await tcpServer(() => {});
    const t0 = performance.now();
    const r = await runProbe(spec(port, { send: 'hi', timeoutMs: 200 }), systemClock);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r).toMatchObject({ up: false, error: 'timeout after 200ms, reply so far ""' });
  });

  it('keeps at most 64 KB of a flood', async () => {
    const port = await tcpServer((s) => s.end(Buffer.alloc(300_000, 'x')));
    const r = await runProbe(spec(port, { expect: 'y*', conditions: [] }), systemClock);
    expect(r.up).toBe(false);
    expect(r.error!.length).toBeLessThan(200);
  });
});
