import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as getSystem } from '@/app/api/v1/system/route';
import { GET as promQuery } from '@/app/prometheus/api/v1/query/route';
import { systemClock } from '@/lib/clock';
import type { Lookout } from '@/lib/engine/context';
import { call, makeLookout } from '../helpers/lookout';
import { hasPrometheus } from '../oracle/prometheus';
import { exportSeries, hasVictoriaMetrics, startReceiver, type TsdbReceiver } from '../oracle/tsdb-receivers';

// Lookout remote-writes its series to a real Prometheus (--web.enable-remote-write-receiver) and a real
// VictoriaMetrics; both are read back (Prometheus's query API, VictoriaMetrics' export) and compared with Lookout's
// own query API. Then both receivers stop mid-stream and start again: every interval arrives once, none twice.
const present = hasPrometheus() && hasVictoriaMetrics();
if (!present && process.env.CI === 'true')
  throw new Error(
    'prometheus and victoria-metrics are required under CI=true (apt-get install prometheus victoria-metrics)',
  );
if (!present) console.warn('[remote-write receivers] skipped: prometheus or victoria-metrics is not installed');

type Vector = { metric: Record<string, string>; value: [number, string] }[];
type Matrix = { metric: Record<string, string>; values: [number, string][] }[];
type Queue = {
  name: string;
  pending: number;
  sent: number;
  failed: number;
  dropped: number;
  retries: number;
  last_error: string | null;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const key = (m: Record<string, string>) => JSON.stringify(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1)));
const withoutReplica = ({ replica: _r, ...rest }: Record<string, string>) => rest;

async function promResult<T>(base: string, params: Record<string, string>): Promise<T> {
  const res = await fetch(`${base}/api/v1/query?${new URLSearchParams(params)}`);
  const body = (await res.json()) as { status: string; data: { result: T }; error?: string };
  if (body.status !== 'success') throw new Error(`${base} ${JSON.stringify(params)}: ${body.error}`);
  return body.data.result;
}

async function lookoutResult(params: Record<string, string>): Promise<Vector> {
  const r = await call(promQuery, `/prometheus/api/v1/query?${new URLSearchParams(params)}`);
  const body = r.body as { status: string; data: { result: Vector }; error?: string };
  if (body.status !== 'success') throw new Error(`lookout ${JSON.stringify(params)}: ${body.error}`);
  return body.data.result;
}

async function queues(): Promise<Queue[]> {
  return ((await call(getSystem, '/api/v1/system')).body as { remote_write: Queue[] }).remote_write;
}

async function until(what: string, ok: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** One CCProxy v1 request as its log lines (docs/ccproxy-reference.md). */
function request(provider: string, status: number): string[] {
  const line = (level: string, msg: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ level, msg, time: new Date().toISOString(), ...extra });
  return [
    line(
      'info',
      `Routed to provider=${provider}, model=${provider}-large, tokens=300, strategy=explicit model selection`,
    ),
    line('info', 'HTTP request received', { method: 'POST', path: '/v1/messages', type: 'request' }),
    line(status < 400 ? 'info' : 'error', 'HTTP response sent', { duration: 0.25, status, type: 'response' }),
  ];
}

async function traffic(lookout: Lookout, n: number): Promise<void> {
  const lines = Array.from({ length: n }, (_, i) => request(i % 3 ? 'openai' : 'groq', i % 4 ? 200 : 502)).flat();
  await lookout.ingest.ingestLines(
    'ccproxy',
    lines.map((text) => ({ text, truncated: false })),
    [],
  );
}

/** Timestamps one interval apart, each once: nothing lost, nothing doubled. */
function expectContiguous(ts: number[], stepMs: number): void {
  expect(ts.length).toBeGreaterThan(3);
  const gaps = ts
    .slice(1)
    .map((t, i) => t - ts[i])
    .filter((d) => d !== stepMs);
  expect(gaps).toEqual([]);
}

describe.runIf(present)('remote write to a real Prometheus and a real VictoriaMetrics', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it('both receive Lookout series and answer what Lookout answers; an outage loses and doubles nothing', async () => {
    const health = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"healthy","providers":{"healthy":2,"total":3}}');
    });
    await new Promise<void>((r) => health.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => health.close(() => r())));
    const hp = (health.address() as AddressInfo).port;
    const [prom, vm] = await Promise.all([startReceiver('prometheus'), startReceiver('victoria-metrics')]);
    closers.push(prom.remove, vm.remove);
    const { lookout, close } = makeLookout({
      clock: systemClock,
      probes: true,
      config: `global:
  remote_write_interval: 1s
  external_labels: { replica: a }
targets:
  - { name: api, url: "http://127.0.0.1:${hp}/health", interval: 1s, timeout: 500ms }
remote_write:
  - url: ${prom.writeUrl}
    name: prometheus
    queue_config: { batch_send_deadline: 100ms, min_backoff: 50ms, max_backoff: 400ms }
  - url: ${vm.writeUrl}
    name: victoria
    queue_config: { batch_send_deadline: 100ms, min_backoff: 50ms, max_backoff: 400ms }
    write_relabel_configs:
      - { source_labels: [__name__], regex: "up|probe_.*|health_.*|log_lines_total|http_requests_total", action: keep }
`,
    });
    closers.push(close);

    await traffic(lookout, 30);
    await sleep(6_000);
    await traffic(lookout, 12);
    await sleep(3_500);
    const compare = async (receiver: TsdbReceiver, time: string) => {
      for (const q of [
        'up',
        'probe_http_status_code',
        'health_providers_healthy',
        'sum by (job, level) (log_lines_total)',
        'sum by (job, provider, status) (http_requests_total)',
      ]) {
        const [theirs, ours] = await Promise.all([
          promResult<Vector>(receiver.url, { query: q, time }),
          lookoutResult({ query: q, time }),
        ]);
        const a = Object.fromEntries(theirs.map((s) => [key(withoutReplica(s.metric)), Number(s.value[1])]));
        const b = Object.fromEntries(ours.map((s) => [key(s.metric), Number(s.value[1])]));
        expect(Object.keys(b).length, q).toBeGreaterThan(0);
        expect(a, `${q} at ${time}`).toEqual(b);
      }
    };
    const t1 = String(Math.floor(Date.now() / 1000) - 1);
    await compare(prom, t1);
    // VictoriaMetrics' own Prometheus query API answers the same, for what the relabelling kept.
    await fetch(`${vm.url}/internal/force_flush`);
    await compare(vm, t1);
    const up = await promResult<Vector>(prom.url, { query: 'up', time: t1 });
    expect(up.every((s) => s.metric.replica === 'a')).toBe(true);
    expect((await promResult<Vector>(prom.url, { query: 'lookout_build_info', time: t1 })).length).toBe(1);
    expect(await exportSeries(vm, 'lookout_build_info')).toEqual([]);

    // Both receivers go away mid-stream; Lookout keeps the samples on disk and retries.
    await Promise.all([prom.stop(), vm.stop()]);
    await traffic(lookout, 9);
    await sleep(4_000);
    const during = await queues();
    for (const q of during) {
      expect(q.pending, q.name).toBeGreaterThan(0);
      expect(q.retries, q.name).toBeGreaterThan(0);
      expect(q.last_error, q.name).toBe('connection refused');
    }
    await Promise.all([prom.start(), vm.start()]);
    await until('the backlog delivered', async () => (await queues()).every((q) => q.pending === 0));
    await sleep(2_500);

    const after = await queues();
    for (const q of after) expect([q.failed, q.dropped], q.name).toEqual([0, 0]);
    const now = String(Math.floor(Date.now() / 1000));
    const raw = await promResult<Matrix>(prom.url, { query: 'up{job="api"}[5m]', time: now });
    expect(raw.length).toBe(1);
    expectContiguous(
      raw[0].values.map(([t]) => Math.round(t * 1000)),
      1000,
    );
    const exported = await exportSeries(vm, 'up{job="api"}');
    expect(exported.length).toBe(1);
    expectContiguous(exported[0].timestamps, 1000);
    expect(exported[0].timestamps).toEqual(raw[0].values.map(([t]) => Math.round(t * 1000)));
    // The lines logged during the outage arrived too: the counters agree again.
    const t2 = String(Math.floor(Date.now() / 1000) - 1);
    await compare(prom, t2);
    await compare(vm, t2);
    const lines = await promResult<Vector>(prom.url, { query: 'sum(log_lines_total)', time: t2 });
    expect(Number(lines[0].value[1])).toBe(51 * 3);
  }, 120_000);
});
