import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '@/lib/clock';
import { makeLookout } from '../helpers/lookout';
import { prometheusMounts, serveRoutes } from '../helpers/route-server';
import { hasPrometheus, type RunningPrometheus, startPrometheus } from '../oracle/prometheus';

// A real Prometheus scrapes Lookout's /metrics every second; then the same expressions go to both query APIs, and
// promtool (a real client of the API) reads Lookout's. Probe series must agree exactly while health is steady. Log
// counters agree on label sets; their rates within a tenth, because Lookout's counters move in 10 s steps and
// Prometheus extrapolates from scrapes (test/rules/prometheus-agreement.test.ts compares the alerts they drive).
const run = promisify(execFile);
const present = hasPrometheus();
if (!present && process.env.CI === 'true')
  throw new Error('prometheus is required under CI=true (apt-get install prometheus)');
if (!present)
  console.warn('[prometheus-api-agreement] skipped: /usr/bin/prometheus is not installed (apt-get install prometheus)');

type Vector = { metric: Record<string, string>; value: [number, string] }[];
type Matrix = { metric: Record<string, string>; values: [number, string][] }[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const key = (m: Record<string, string>) => JSON.stringify(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1)));
const byKey = (v: Vector) => Object.fromEntries(v.map((s) => [key(s.metric), Number(s.value[1])]));

async function get<T>(base: string, path: string, params: Record<string, string>): Promise<T> {
  const res = await fetch(`${base}/api/v1/${path}?${new URLSearchParams(params)}`);
  const body = (await res.json()) as { status: string; data: { result: T }; error?: string };
  if (body.status !== 'success') throw new Error(`${base} ${path} ${JSON.stringify(params)}: ${body.error}`);
  return body.data.result;
}

/** One CCProxy v1 request as its three log lines (docs/ccproxy-reference.md). */
function request(end: number, provider: string, status: number, seconds: number): string[] {
  const line = (level: string, msg: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ level, msg, time: new Date(end).toISOString(), ...extra });
  return [
    line(
      'info',
      `Routed to provider=${provider}, model=${provider}-large, tokens=300, strategy=explicit model selection`,
    ),
    line('info', 'HTTP request received', { method: 'POST', path: '/v1/messages', type: 'request' }),
    line(status < 400 ? 'info' : 'error', 'HTTP response sent', { duration: seconds, status, type: 'response' }),
  ];
}

describe.runIf(present)("Lookout's query API and a Prometheus scraping its /metrics", () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it('answer the same, and promtool reads Lookout as it reads Prometheus', async () => {
    const health = http.createServer((req, res) => {
      const ok = req.url === '/api';
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: ok ? 'healthy' : 'unhealthy' }));
    });
    await new Promise<void>((r) => health.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => health.close(() => r())));
    const hp = (health.address() as AddressInfo).port;
    const { lookout, close } = makeLookout({
      clock: systemClock,
      probes: true,
      anonymousRead: true,
      config: `targets:
  - { name: api, url: "http://127.0.0.1:${hp}/api", interval: 1s, timeout: 500ms }
  - { name: web, url: "http://127.0.0.1:${hp}/web", interval: 1s, timeout: 500ms }
`,
    });
    closers.push(close);
    const server = await serveRoutes(await prometheusMounts());
    closers.push(server.close);
    const ours = `${server.url}/prometheus`;
    const prom: RunningPrometheus = await startPrometheus(
      {
        global: { scrape_interval: '1s', evaluation_interval: '5s' },
        scrape_configs: [
          { job_name: 'lookout', honor_labels: true, static_configs: [{ targets: [server.url.slice(7)] }] },
        ],
      },
      {},
    );
    closers.push(prom.stop);

    // Steady traffic for 70 s: 4 requests every 500 ms (8/s), every one 0.3 s long, a fifth of groq's failing.
    const until = Date.now() + 70_000;
    let i = 0;
    while (Date.now() < until) {
      const now = Date.now();
      const lines = [
        ...request(now, 'openai', 200, 0.3),
        ...request(now, 'openai', 200, 0.3),
        ...request(now, 'groq', i % 5 ? 200 : 502, 0.3),
        ...request(now, 'groq', 200, 0.3),
      ];
      i++;
      await lookout.ingest.ingestLines(
        'ccproxy',
        lines.map((text) => ({ text, truncated: false })),
        [],
      );
      await sleep(500);
    }
    const t = String((Date.now() - 2_000) / 1000);

    const exact = [
      'up{job=~"api|web"}',
      'sum(up{job=~"api|web"})',
      'count by (job) (up{job=~"api|web"})',
      'probe_http_status_code',
      'up{job=~"api|web"} == 0',
      'group by (job, provider, model, status) (http_requests_total)',
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))',
    ];
    const report: Record<string, unknown> = {};
    for (const q of exact) {
      const [a, b] = await Promise.all([
        get<Vector>(ours, 'query', { query: q, time: t }),
        get<Vector>(prom.url, 'query', { query: q, time: t }),
      ]);
      report[q] = { lookout: byKey(a), prometheus: byKey(b) };
      expect(a.length, q).toBeGreaterThan(0);
      expect(Object.keys(byKey(a)).sort(), q).toEqual(Object.keys(byKey(b)).sort());
      for (const [k, v] of Object.entries(byKey(a))) expect(v, `${q} ${k}`).toBeCloseTo(byKey(b)[k], 6);
    }
    for (const q of ['sum(rate(http_requests_total[1m]))', 'sum by (provider) (rate(http_requests_total[1m]))']) {
      const [a, b] = await Promise.all([
        get<Vector>(ours, 'query', { query: q, time: t }),
        get<Vector>(prom.url, 'query', { query: q, time: t }),
      ]);
      report[q] = { lookout: byKey(a), prometheus: byKey(b) };
      expect(Object.keys(byKey(a)).sort(), q).toEqual(Object.keys(byKey(b)).sort());
      for (const [k, v] of Object.entries(byKey(a)))
        expect(Math.abs(v / byKey(b)[k] - 1), `${q} ${k}`).toBeLessThan(0.1);
    }
    const range = { query: 'sum by (job) (up{job=~"api|web"})', start: String(Number(t) - 30), end: t, step: '5' };
    const [ra, rb] = await Promise.all([
      get<Matrix>(ours, 'query_range', range),
      get<Matrix>(prom.url, 'query_range', range),
    ]);
    expect(ra).toEqual(rb);
    console.log('[prometheus-api-agreement]', JSON.stringify(report));

    // promtool queries Lookout over HTTP (a form-encoded POST) and prints the same vector as our API gives.
    const { stdout } = await run('promtool', [
      'query',
      'instant',
      '-o',
      'json',
      `--time=${t}`,
      ours,
      'up{job=~"api|web"}',
    ]);
    expect(byKey(JSON.parse(stdout) as Vector)).toEqual(
      byKey(await get<Vector>(ours, 'query', { query: 'up{job=~"api|web"}', time: t })),
    );
    expect(byKey(JSON.parse(stdout) as Vector)).toEqual({
      [key({ __name__: 'up', instance: `127.0.0.1:${hp}`, job: 'api' })]: 1,
      [key({ __name__: 'up', instance: `127.0.0.1:${hp}`, job: 'web' })]: 0,
    });
    const ranged = await run('promtool', [
      'query',
      'range',
      '-o',
      'json',
      `--start=${range.start}`,
      `--end=${range.end}`,
      '--step=5s',
      ours,
      range.query,
    ]);
    expect(JSON.parse(ranged.stdout)).toEqual(ra);
  }, 180_000);
});
