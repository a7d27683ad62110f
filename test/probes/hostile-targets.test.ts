import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '@/lib/clock';
import { type Condition, parseCondition } from '@/lib/probes/conditions';
import { runProbe } from '@/lib/probes/run-probe';
import type { HttpSpec, ProbeResult, ProbeSpec } from '@/lib/probes/types';
import {
  closedPort,
  httpServer,
  type Running,
  resettingServer,
  selfSignedServer,
  sendJson,
  silentServer,
} from './servers';

const conditions = (...texts: string[]): Condition[] =>
  texts.map((t) => {
    const r = parseCondition(t);
    if (!r.ok) throw new Error(r.error);
    return r.condition;
  });

const spec = (url: string, over: Partial<HttpSpec> = {}): HttpSpec => ({
  url,
  method: 'GET',
  headers: {},
  body: null,
  timeoutMs: 2000,
  conditions: [],
  ...over,
});

/** Runs a probe and asserts it came back within its timeout + 1 s. */
async function probe(s: ProbeSpec): Promise<ProbeResult & { elapsed: number }> {
  const t0 = performance.now();
  const r = await runProbe(s, systemClock);
  const elapsed = performance.now() - t0;
  expect(elapsed).toBeLessThan(s.timeoutMs + 1000);
  return { ...r, elapsed };
}

const servers: Running[] = [];
let app: Running;
let hugeBytesSent = 0;
let loopHits = 0;

beforeAll(async () => {
  app = await httpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/health')
      return sendJson(res, 200, { status: 'healthy', providers: { healthy: 2, total: 3 }, ok: true });
    if (url.pathname === '/unhealthy')
      return sendJson(res, 200, { status: 'degraded', providers: { healthy: 0, total: 3 } });
    if (url.pathname === '/503') return sendJson(res, 503, { error: 'down' });
    if (url.pathname === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>fine</html>');
    if (url.pathname === '/loop') {
      loopHits++;
      return res.writeHead(302, { location: '/loop' }).end();
    }
    const hop = /^\/chain\/(\d+)$/.exec(url.pathname);
    if (hop) {
      const n = Number(hop[1]);
      return res.writeHead(n === 1 ? 307 : 301, { location: n === 1 ? '../health' : `${n - 1}` }).end();
    }
    if (url.pathname === '/see-other') return res.writeHead(303, { location: `/echo?from=303` }).end();
    if (url.pathname === '/huge') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let left = 1600;
      const stream = new Readable({
        read() {
          if (left-- <= 0) return void this.push(null);
          hugeBytesSent += chunk.length;
          this.push(chunk);
        },
      });
      stream.pipe(res);
      res.on('error', () => stream.destroy());
      return;
    }
    if (url.pathname === '/trickle') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
      return;
    }
    if (url.pathname === '/echo') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => sendJson(res, 200, { method: req.method, headers: req.headers, body, query: url.search }));
      return;
    }
    res.writeHead(404).end();
  });
  servers.push(app);
});

afterAll(async () => {
  for (const s of servers) await s.close();
});

describe('runProbe against hostile targets', () => {
  it('times out on a server that accepts and never answers', async () => {
    const silent = await silentServer();
    servers.push(silent);
    const r = await probe(spec(silent.url, { timeoutMs: 500 }));
    expect(r).toMatchObject({ up: false, statusCode: null, error: 'timeout after 500ms', gauges: {} });
    expect(r.elapsed).toBeGreaterThanOrEqual(490);
  });

  it('times out on a body that never ends, keeping the status it saw', async () => {
    const r = await probe(spec(`${app.url}/trickle`, { timeoutMs: 1500 }));
    expect(r).toMatchObject({ up: false, statusCode: 200, error: 'timeout after 1.5s' });
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    const r = await probe(
      spec(`http://127.0.0.1:${port}/health`, { headers: { authorization: 'Bearer SECRET-TOKEN' } }),
    );
    expect(r).toMatchObject({ up: false, statusCode: null, error: 'connection refused' });
  });

  it('reports a DNS failure with the host name', async () => {
    const r = await probe(spec('http://lookout-test.invalid/', { timeoutMs: 5000 }));
    expect(r).toMatchObject({ up: false, error: 'DNS lookup failed for lookout-test.invalid' });
  });

  it('reports a self-signed certificate as a TLS error', async () => {
    const tls = await selfSignedServer((_req, res) => sendJson(res, 200, { ok: true }));
    servers.push(tls);
    const r = await probe(spec(`${tls.url}/health`));
    expect(r).toMatchObject({ up: false, statusCode: null, error: 'TLS error: self-signed certificate' });
  });

  it('reports a connection reset', async () => {
    const rst = await resettingServer();
    servers.push(rst);
    const r = await probe(spec(rst.url));
    expect(r).toMatchObject({ up: false, statusCode: null, error: 'connection reset' });
  });

  it('reads at most 64 KiB of a 100 MB body, fast and without holding it in memory', async () => {
    const rssBefore = process.memoryUsage().rss;
    const r = await probe(
      spec(`${app.url}/huge`, { conditions: conditions('[STATUS] == 200', '[BODY].status == ok') }),
    );
    expect(r).toMatchObject({
      up: false,
      statusCode: 200,
      error: 'condition failed: [BODY].status == ok (body is not JSON)',
    });
    expect(r.elapsed).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(40 * 1024 * 1024);
    await new Promise((res) => setTimeout(res, 200));
    expect(hugeBytesSent).toBeLessThan(20 * 1024 * 1024);
  });

  it('stops a redirect loop after 5 redirects', async () => {
    loopHits = 0;
    const r = await probe(spec(`${app.url}/loop`));
    expect(r).toMatchObject({ up: false, statusCode: 302, error: 'too many redirects (more than 5)' });
    expect(loopHits).toBe(6);
  });

  it('fails a [BODY] condition on a body that is not JSON', async () => {
    const r = await probe(
      spec(`${app.url}/html`, { conditions: conditions('[STATUS] == 200', '[BODY].status == ok') }),
    );
    expect(r).toMatchObject({
      up: false,
      statusCode: 200,
      error: 'condition failed: [BODY].status == ok (body is not JSON)',
      gauges: {},
    });
  });

  it('never puts header values in an error', async () => {
    const r = await probe(spec(`${app.url}/health`, { headers: { 'x-api-key': 'SECRET\r\nInjected: 1' } }));
    expect(r.up).toBe(false);
    expect(r.error).toBe('invalid request header (check the target headers)');
    expect(r.error).not.toContain('SECRET');
  });

  it('reports an unsupported scheme, an invalid URL and an invalid method', async () => {
    expect((await probe(spec('ftp://127.0.0.1/'))).error).toBe('unsupported protocol ftp:');
    expect((await probe(spec('not a url'))).error).toBe('invalid URL');
    expect((await probe(spec(`${app.url}/health`, { method: 'GE T' }))).error).toBe('invalid HTTP method');
  });
});

describe('runProbe happy paths', () => {
  it('passes conditions on a JSON body and extracts gauges', async () => {
    const r = await probe(
      spec(`${app.url}/health`, {
        conditions: conditions('[STATUS] == 200', '[BODY].providers.healthy > 0', '[RESPONSE_TIME] < 2000'),
      }),
    );
    expect(r).toMatchObject({
      up: true,
      statusCode: 200,
      error: null,
      gauges: { 'providers.healthy': 2, 'providers.total': 3, ok: 1 },
    });
    expect(r.latencyMs).toBeGreaterThan(0);
    expect(r.latencyMs).toBeLessThan(1000);
    expect(Math.abs(r.ts - Date.now())).toBeLessThan(2000);
  });

  it('names the first failing condition', async () => {
    const r = await probe(
      spec(`${app.url}/unhealthy`, {
        conditions: conditions('[STATUS] == 200', '[BODY].providers.healthy > 0', '[BODY].status == healthy'),
      }),
    );
    expect(r).toMatchObject({
      up: false,
      statusCode: 200,
      error: 'condition failed: [BODY].providers.healthy > 0 (got 0)',
      gauges: { 'providers.healthy': 0 },
    });
  });

  it('is down on a 503 by default', async () => {
    const r = await probe(spec(`${app.url}/503`));
    expect(r).toMatchObject({ up: false, statusCode: 503, error: 'status 503 is not 2xx' });
  });

  it('follows a chain of 3 redirects with relative locations', async () => {
    const r = await probe(spec(`${app.url}/chain/3`));
    expect(r).toMatchObject({ up: true, statusCode: 200, error: null });
    expect(r.gauges['providers.healthy']).toBe(2);
  });

  it('sends method, headers and body', async () => {
    const r = await probe(
      spec(`${app.url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-probe': 'lookout' },
        body: '{"ping":1}',
        conditions: conditions(
          '[BODY].method == POST',
          '[BODY].headers.x-probe == lookout',
          '[BODY].body == {"ping":1}',
          '[BODY].headers.content-length == 10',
        ),
      }),
    );
    expect(r).toMatchObject({ up: true, statusCode: 200, error: null });
  });

  it('turns a POST into a GET without body on 303', async () => {
    const r = await probe(
      spec(`${app.url}/see-other`, {
        method: 'POST',
        body: 'data',
        conditions: conditions('[BODY].method == GET', '[BODY].body == ""', '[BODY].query == ?from=303'),
      }),
    );
    expect(r.error).toBeNull();
  });

  it('drops credentials on a redirect to another origin', async () => {
    const other = await httpServer((req, res) =>
      sendJson(res, 200, { auth: req.headers.authorization ?? 'none', other: req.headers['x-other'] ?? 'none' }),
    );
    const hop = await httpServer((_req, res) => res.writeHead(302, { location: `${other.url}/` }).end());
    servers.push(other, hop);
    const r = await probe(
      spec(hop.url, {
        headers: { Authorization: 'Bearer SECRET', 'x-other': 'kept' },
        conditions: conditions('[BODY].auth == none', '[BODY].other == kept'),
      }),
    );
    expect(r.error).toBeNull();
  });

  it('reuses keep-alive sockets across checks', async () => {
    const ports = new Set<number>();
    const srv = await httpServer((req, res) => {
      ports.add(req.socket.remotePort ?? 0);
      sendJson(res, 200, {});
    });
    servers.push(srv);
    for (let i = 0; i < 5; i++) expect((await probe(spec(srv.url))).up).toBe(true);
    expect(ports.size).toBe(1);
  });
});
