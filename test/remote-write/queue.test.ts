import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as getSystem } from '@/app/api/v1/system/route';
import { GET as getMetrics } from '@/app/metrics/route';
import { systemClock } from '@/lib/clock';
import { clearLookout, setLookout } from '@/lib/engine/instance';
import { startLookout } from '@/lib/engine/lookout';
import { VERSION } from '@/lib/engine/version';
import { ADMIN, call, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { freePort } from '../oracle/alertmanager';
import { samplesOf, seriesKey, startTestReceiver } from './receiver';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers.length = 0;
});

type Queue = {
  name: string;
  pending: number;
  sent: number;
  failed: number;
  dropped: number;
  retries: number;
  lag_s: number;
  last_error: string | null;
};

async function health(): Promise<number> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"healthy","providers":{"healthy":2,"total":3}}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return (server.address() as AddressInfo).port;
}

async function lookoutWith(remoteWrite: string, extraGlobal = '') {
  const hp = await health();
  const ctx = makeLookout({
    clock: systemClock,
    probes: true,
    config: `global:
  remote_write_interval: 200ms
  external_labels: { replica: a, job: never-overrides }
${extraGlobal}targets:
  - { name: api, url: "http://127.0.0.1:${hp}/health", interval: 1s, timeout: 500ms }
remote_write:
${remoteWrite}`,
  });
  closers.push(ctx.close);
  return ctx;
}

async function queues(): Promise<Queue[]> {
  const r = await call(getSystem, '/api/v1/system');
  expect(r.status).toBe(200);
  return (r.body as { remote_write: Queue[] }).remote_write;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('remote write queue against small real receivers', () => {
  it('sends the spec headers, labels sorted, external labels added; retries 503 and 429 without losing or doubling', async () => {
    const rx = await startTestReceiver((n) => (n < 2 ? 503 : n === 2 ? 429 : 204));
    closers.push(rx.close);
    await lookoutWith(`  - url: ${rx.url}
    name: flaky
    headers: { X-Scope-OrgID: team-a }
    basic_auth: { username: lookout, password: s3cret }
    queue_config: { batch_send_deadline: 100ms, min_backoff: 50ms, max_backoff: 200ms }
`);
    await until('five accepted requests', () => rx.requests.filter((r) => r.status === 204).length >= 5);
    const h = rx.requests[0].headers;
    expect(h['content-encoding']).toBe('snappy');
    expect(h['content-type']).toBe('application/x-protobuf');
    expect(h['x-prometheus-remote-write-version']).toBe('0.1.0');
    expect(h['user-agent']).toBe(`Lookout/${VERSION}`);
    expect(h.authorization).toBe(`Basic ${Buffer.from('lookout:s3cret').toString('base64')}`);
    expect(h['x-scope-orgid']).toBe('team-a');
    // Refused requests are sent again from their start (with what was queued meanwhile behind them).
    for (const r of rx.requests.slice(1, 4))
      expect(r.series.slice(0, rx.requests[0].series.length)).toEqual(rx.requests[0].series);
    const accepted = samplesOf(rx.requests.filter((r) => r.status === 204));
    expect([...accepted.values()].every((n) => n === 1)).toBe(true);
    for (const r of rx.requests)
      for (const s of r.series) {
        const names = s.labels.map((l) => l.name);
        expect(names).toEqual([...names].sort());
        const labels = Object.fromEntries(s.labels.map((l) => [l.name, l.value]));
        expect(labels.replica).toBe('a');
        // An external label never overrides the series' own (Lookout's own series have no job: they get it).
        if (labels.__name__ === 'up') expect(labels.job).toBe('api');
      }
    const up = rx.requests
      .filter((r) => r.status === 204)
      .flatMap((r) => r.series.filter((s) => seriesKey(s).includes('__name__=up,')));
    expect(up.length).toBeGreaterThan(0);
    expect(up.every((s) => s.samples[0].value === 1 && s.samples[0].timestamp % 200 === 0)).toBe(true);
    // Between two requests, what Lookout counts as sent is what the receiver accepted.
    await until('sent to match what was accepted', async () => {
      const [q] = await queues();
      return q.sent === samplesOf(rx.requests.filter((r) => r.status === 204)).size;
    });
    const [q] = await queues();
    expect(q.retries).toBeGreaterThanOrEqual(3);
    expect(q.failed).toBe(0);
    expect(q.dropped).toBe(0);
  });

  it('a receiver answering 400 gets nothing again; the failure shows in /api/v1/system and /metrics', async () => {
    const rx = await startTestReceiver(() => 400);
    closers.push(rx.close);
    await lookoutWith(`  - url: ${rx.url}
    name: refuses
    queue_config: { batch_send_deadline: 50ms, min_backoff: 50ms }
`);
    await until('four requests', () => rx.requests.length >= 4);
    await sleep(500);
    const received = samplesOf(rx.requests);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    let q = (await queues())[0];
    // What is queued now was not sent yet; wait until the queue is between requests.
    await until('an empty queue', async () => {
      q = (await queues())[0];
      return q.pending === 0;
    });
    const total = [...samplesOf(rx.requests).keys()].length;
    expect(q.failed).toBe(total);
    expect(q.sent).toBe(0);
    expect(q.retries).toBe(0);
    expect(q.last_error).toMatch(/^HTTP 400: out of order sample/);
    const metrics = await getMetrics(
      new Request('http://127.0.0.1/metrics', { headers: { authorization: 'Bearer test-admin-token' } }),
      {
        params: Promise.resolve({}),
      },
    );
    const text = await metrics.text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('lookout_remote_write_samples_failed_total{remote_name="refuses"'));
    expect(line).toBeDefined();
    expect(Number(line?.split(' ').pop())).toBeGreaterThanOrEqual(total);
    expect(text).toMatch(/^# TYPE lookout_remote_write_samples_failed_total counter$/m);
    expect(text).toMatch(/^lookout_remote_write_samples_sent_total\{remote_name="refuses",url="[^"]+"\} 0$/m);
  });

  it('keeps what a down receiver misses on disk, drops the oldest past buffer_size, and delivers the rest in order', async () => {
    const port = await freePort();
    const { lookout } = await lookoutWith(`  - url: http://127.0.0.1:${port}/api/v1/write
    name: down
    buffer_size: 40KB
    queue_config: { batch_send_deadline: 50ms, min_backoff: 20ms, max_backoff: 100ms }
`);
    await until('samples dropped past buffer_size', async () => (await queues())[0].dropped > 0);
    console.log(
      `[remote-write] one interval's batch: ${lookout.remoteWrite.queues[0].status().pendingBytes} bytes pending`,
    );
    const before = (await queues())[0];
    expect(before.pending).toBeGreaterThan(0);
    expect(before.lag_s).toBeGreaterThan(0);
    expect(before.last_error).toBe('connection refused');
    expect(lookout.remoteWrite.queues[0].status().pendingBytes).toBeLessThanOrEqual(40_000);
    const rx = await startTestReceiver(() => 200, port);
    closers.push(rx.close);
    await until('the backlog delivered', async () => (await queues())[0].pending === 0 && rx.requests.length > 0);
    const q = (await queues())[0];
    const got = samplesOf(rx.requests);
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    expect(q.sent).toBe(got.size);
    // Per series, timestamps ascend across requests, and have no hole after the oldest kept one.
    const perSeries = new Map<string, number[]>();
    for (const r of rx.requests)
      for (const s of r.series)
        perSeries.set(seriesKey(s), [...(perSeries.get(seriesKey(s)) ?? []), s.samples[0].timestamp]);
    const up = [...perSeries.entries()].find(([k]) => k.startsWith('__name__=up,'))?.[1] ?? [];
    expect(up.length).toBeGreaterThan(2);
    for (let i = 1; i < up.length; i++) expect(up[i] - up[i - 1]).toBe(200);
  });

  it('keeps the buffer across a restart of Lookout: the next Lookout sends what waited', async () => {
    const port = await freePort();
    const dir = tempDir();
    closers.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const configFile = `${dir}/lookout.yml`;
    fs.writeFileSync(
      configFile,
      `global: { remote_write_interval: 200ms }
remote_write:
  - url: http://127.0.0.1:${port}/api/v1/write
    name: later
    queue_config: { batch_send_deadline: 50ms, min_backoff: 20ms, max_backoff: 100ms }
`,
    );
    const env = {
      port: 0,
      host: '127.0.0.1',
      dataDir: `${dir}/data`,
      configFile,
      adminToken: ADMIN,
      anonymousRead: false,
      externalUrl: 'http://127.0.0.1:3000',
    };
    const first = startLookout({ clock: systemClock, env });
    setLookout(first);
    await until('samples waiting', () => first.remoteWrite.queues[0].status().pending > 0);
    await sleep(600);
    const startedAt = Date.now();
    await first.stop();
    clearLookout();
    const waiting = first.remoteWrite.queues[0].status().pending;
    const rx = await startTestReceiver(() => 200, port);
    closers.push(rx.close);
    const second = startLookout({ clock: systemClock, env });
    closers.push(() => second.stop());
    expect(second.remoteWrite.queues[0].status().pending).toBe(waiting);
    await until('the backlog delivered', () => second.remoteWrite.queues[0].status().pending === 0);
    const got = samplesOf(rx.requests);
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    const oldest = Math.min(...rx.requests.flatMap((r) => r.series.map((x) => x.samples[0].timestamp)));
    expect(oldest).toBeLessThan(startedAt);
  });
});
