import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { DELETE as deleteTarget, PATCH as patchTarget } from '@/app/api/v1/targets/[id]/route';
import { POST as createTarget } from '@/app/api/v1/targets/route';
import { systemClock } from '@/lib/clock';
import { reloadConfig } from '@/lib/engine/reload';
import { encodeWriteRequest } from '@/lib/remote-write/proto';
import { call, makeLookout } from '../helpers/lookout';
import { hasPrometheus } from '../oracle/prometheus';
import { startReceiver } from '../oracle/tsdb-receivers';

// A series Lookout stops exporting (a probe target removed or paused) gets Prometheus's staleness marker in the next
// interval, as a scrape that no longer finds it would write: a real Prometheus receiving the remote write then ends
// the series there instead of repeating its last value for the 5-minute lookback.
const present = hasPrometheus();
if (!present && process.env.CI === 'true')
  throw new Error('prometheus is required under CI=true (apt-get install prometheus)');
if (!present) console.warn('[remote-write staleness] skipped: prometheus is not installed');

type Vector = { metric: Record<string, string>; value: [number, string] }[];
type Matrix = { metric: Record<string, string>; values: [number, string][] }[];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function prom<T>(base: string, query: string, time: number): Promise<T> {
  const res = await fetch(`${base}/api/v1/query?${new URLSearchParams({ query, time: String(time / 1000) })}`);
  const body = (await res.json()) as { status: string; data: { result: T }; error?: string };
  if (body.status !== 'success') throw new Error(`${query}: ${body.error}`);
  return body.data.result;
}

describe('staleness markers in remote write', () => {
  it('encodes the marker as the bits of Prometheus StaleNaN, 0x7ff0000000000002', () => {
    const body = encodeWriteRequest([
      {
        labels: [{ name: '__name__', value: 'up' }],
        samples: [{ value: Number.NaN, timestamp: 5, stale: true }],
      },
    ]);
    // Sample.value is field 1, fixed64 (tag 0x09), little-endian.
    expect(body.includes(Buffer.from('09020000000000f07f', 'hex'))).toBe(true);
    const plain = encodeWriteRequest([
      { labels: [{ name: '__name__', value: 'up' }], samples: [{ value: Number.NaN, timestamp: 5 }] },
    ]);
    expect(plain.includes(Buffer.from('09020000000000f07f', 'hex'))).toBe(false);
  });
});

describe.runIf(present)('staleness markers received by a real Prometheus', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it('ends a removed and a paused target’s series at once; a target kept goes on', async () => {
    const health = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"healthy","providers":{"healthy":2,"total":3}}');
    });
    await new Promise<void>((r) => health.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => health.close(() => r())));
    const url = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
    const receiver = await startReceiver('prometheus');
    closers.push(receiver.remove);
    const { close } = makeLookout({
      clock: systemClock,
      probes: true,
      config: `global:
  remote_write_interval: 1s
remote_write:
  - url: ${receiver.writeUrl}
    name: prometheus
    queue_config: { batch_send_deadline: 100ms, min_backoff: 50ms, max_backoff: 400ms }
`,
    });
    closers.push(close);
    const ids: Record<string, number> = {};
    for (const name of ['kept', 'removed', 'paused']) {
      const r = await call(createTarget, '/api/v1/targets', {
        method: 'POST',
        body: { name, url, interval: '1s', timeout: '500ms' },
      });
      expect(r.status).toBe(201);
      ids[name] = (r.body as { data: { id: number } }).data.id;
    }
    await sleep(5_000);
    const jobs = async (query: string, time: number) =>
      (await prom<Vector>(receiver.url, query, time)).map((s) => s.metric.job).sort();
    expect(await jobs('up', Date.now() - 1_000)).toEqual(['kept', 'paused', 'removed']);
    expect(await jobs('health_providers_healthy', Date.now() - 1_000)).toEqual(['kept', 'paused', 'removed']);

    const stoppedAt = Date.now();
    expect(
      (await call(deleteTarget, `/api/v1/targets/${ids.removed}`, { method: 'DELETE', id: ids.removed })).status,
    ).toBe(204);
    expect(
      (
        await call(patchTarget, `/api/v1/targets/${ids.paused}`, {
          method: 'PATCH',
          id: ids.paused,
          body: { paused: true },
        })
      ).status,
    ).toBe(200);
    await sleep(4_000);
    const now = Date.now() - 500;
    // Without the markers Prometheus would answer the last values of both for five more minutes.
    expect(await jobs('up', now)).toEqual(['kept']);
    expect(await jobs('health_providers_healthy', now)).toEqual(['kept']);
    expect(await jobs('probe_http_status_code', now)).toEqual(['kept']);
    // Their samples up to the change stay (a range selection skips the marker itself).
    const before = await prom<Matrix>(receiver.url, 'up{job=~"removed|paused"}[1m]', now);
    expect(before.map((s) => s.metric.job).sort()).toEqual(['paused', 'removed']);
    for (const s of before) {
      expect(s.values.length).toBeGreaterThan(2);
      expect(s.values.at(-1)![0] * 1000).toBeLessThan(stoppedAt + 2_000);
    }
    // The series that went on has no gap: the kept target's samples reach the present.
    const kept = await prom<Matrix>(receiver.url, 'up{job="kept"}[3s]', now);
    expect(kept[0].values.length).toBeGreaterThan(1);

    // Resumed, the paused target's series starts again after its marker.
    await call(patchTarget, `/api/v1/targets/${ids.paused}`, {
      method: 'PATCH',
      id: ids.paused,
      body: { paused: false },
    });
    await sleep(3_500);
    expect(await jobs('up', Date.now() - 500)).toEqual(['kept', 'paused']);
  }, 60_000);

  it('ends the log series that a reload’s write_relabel_configs drops from the stream, and no other', async () => {
    const receiver = await startReceiver('prometheus');
    closers.push(receiver.remove);
    const config = (relabel: string) => `global:
  remote_write_interval: 1s
logs:
  - { name: ccproxy, path: /nonexistent/ccproxy.log }
remote_write:
  - url: ${receiver.writeUrl}
    name: prometheus
    queue_config: { batch_send_deadline: 100ms, min_backoff: 50ms, max_backoff: 400ms }
${relabel}`;
    const { lookout, close } = makeLookout({ clock: systemClock, probes: true, config: config('') });
    closers.push(close);
    const line = (level: string, status: number) =>
      JSON.stringify({
        level,
        msg: 'HTTP response sent',
        time: new Date().toISOString(),
        duration: 0.2,
        status,
        type: 'response',
      });
    await lookout.ingest.ingestLines(
      'ccproxy',
      [line('info', 200), line('error', 502), line('info', 200)].map((text) => ({ text, truncated: false })),
      [],
    );
    await sleep(4_000);
    const levels = async (time: number) =>
      (await prom<Vector>(receiver.url, 'log_lines_total{job="ccproxy"}', time)).map((s) => s.metric.level).sort();
    expect(await levels(Date.now() - 1_000)).toEqual(['error', 'info']);
    fs.writeFileSync(
      lookout.env.configFile!,
      config(`    write_relabel_configs:
      - { source_labels: [__name__, level], regex: "log_lines_total;error", action: drop }
`),
    );
    await reloadConfig(lookout);
    await sleep(3_500);
    expect(await levels(Date.now() - 500)).toEqual(['info']);
    const requests = await prom<Vector>(receiver.url, 'http_requests_total{job="ccproxy"}', Date.now() - 500);
    expect(requests.map((s) => s.metric.status).sort()).toEqual(['200', '502']);
  }, 60_000);
});
