import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as alertsApi } from '@/app/api/v1/alerts/route';
import { GET as metricsRoute } from '@/app/metrics/route';
import { systemClock } from '@/lib/clock';
import { labelsKey } from '@/lib/rules';
import { call, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { hasPrometheus, type RunningPrometheus, startPrometheus } from '../oracle/prometheus';

// The CCProxy rules of demo/alerts.yml (CCProxy's monitoring docs), with `for` and the rate windows shortened so a
// run takes about a minute; both sides evaluate every 5 s (the demo's interval), Prometheus scrapes /metrics every
// second. Lookout's log counters have 10 s steps, so "the same moment" means within one evaluation interval — plus
// one scrape, because Prometheus sees a change only after scraping it and its ticks run at another phase than ours.
const EVAL_S = 5;
const SCRAPE_S = 1;
const RULES = `groups:
  - name: ccproxy
    rules:
      - alert: CCProxyDown
        expr: up{job="ccproxy"} == 0
        for: 2s
        labels: { severity: critical }
      - alert: HighErrorRate
        expr: rate(http_requests_total{status=~"5.."}[20s]) > 0.1
        for: 4s
        labels: { severity: warning }
      - alert: HighLatency
        expr: histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[20s])) > 2
        for: 6s
        labels: { severity: warning }
`;

const present = hasPrometheus();
if (!present && process.env.CI === 'true')
  throw new Error('prometheus is required under CI=true (apt-get install prometheus)');
if (!present)
  console.warn('[prometheus-agreement] skipped: /usr/bin/prometheus is not installed (apt-get install prometheus)');

/** One CCProxy v1 request as its three log lines (docs/ccproxy-reference.md), ending at `end`. */
function requestLines(end: number, provider: string, status: number, seconds: number): string[] {
  const line = (ms: number, level: string, msg: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ level, msg, time: new Date(ms).toISOString(), ...extra });
  const ok = status < 400;
  return [
    line(
      end - seconds * 1000,
      'info',
      `Routed to provider=${provider}, model=${provider}-large, tokens=300, strategy=explicit model selection`,
    ),
    line(end, 'info', 'HTTP request received', { method: 'POST', path: '/v1/messages', type: 'request' }),
    line(end, ok ? 'info' : 'error', ok ? 'HTTP response sent' : 'HTTP response error', {
      duration: seconds,
      status,
      type: 'response',
    }),
  ];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Seen = Map<string, number>; // alert key → when it was first seen firing (ms)

describe.runIf(present)('the CCProxy rules in Lookout and in a Prometheus scraping its /metrics', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it('fire for the same label sets within one evaluation interval, and resolve', async () => {
    let healthy = true;
    const health = http.createServer((_req, res) => {
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: healthy ? 'healthy' : 'unhealthy' }));
    });
    await new Promise<void>((r) => health.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => health.close(() => r())));
    const healthPort = (health.address() as AddressInfo).port;

    const rulesDir = tempDir();
    closers.push(() => fs.rmSync(rulesDir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(rulesDir, 'alerts.yml'), RULES);
    const { lookout, close } = makeLookout({
      clock: systemClock,
      probes: true,
      anonymousRead: true,
      config: `global: { scrape_interval: ${SCRAPE_S}s, evaluation_interval: ${EVAL_S}s }
targets:
  - { name: ccproxy, url: "http://127.0.0.1:${healthPort}/health", interval: 1s, timeout: 500ms }
rule_files: ["${path.join(rulesDir, 'alerts.yml')}"]
`,
    });
    closers.push(close);

    const metrics = http.createServer(async (req, res) => {
      const r =
        req.url === '/metrics'
          ? await metricsRoute(new Request('http://127.0.0.1/metrics'), { params: Promise.resolve({ id: '' }) })
          : new Response('not found', { status: 404 });
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
      res.end(await r.text());
    });
    await new Promise<void>((r) => metrics.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => metrics.close(() => r())));
    const metricsPort = (metrics.address() as AddressInfo).port;

    const prom: RunningPrometheus = await startPrometheus(
      {
        global: { scrape_interval: `${SCRAPE_S}s`, evaluation_interval: `${EVAL_S}s` },
        scrape_configs: [
          {
            job_name: 'lookout',
            honor_labels: true,
            static_configs: [{ targets: [`127.0.0.1:${metricsPort}`] }],
          },
        ],
      },
      { 'alerts.yml': RULES },
    );
    closers.push(prom.stop);

    const send = async (requests: [string, number, number][]) => {
      const now = Date.now();
      const lines = requests.flatMap(([provider, status, seconds]) => requestLines(now, provider, status, seconds));
      await lookout.ingest.ingestLines(
        'ccproxy',
        lines.map((text) => ({ text, truncated: false })),
        [],
      );
    };
    const key = (labels: Record<string, string>) => labelsKey(labels);
    const firing = async () => {
      const ours = (await call(alertsApi, '/api/v1/alerts')).body as {
        data: { state: string; labels: Record<string, string> }[];
      };
      const theirs = await prom.alerts();
      return {
        lookout: ours.data.filter((a) => a.state === 'firing').map((a) => key(a.labels)),
        prometheus: theirs.filter((a) => a.state === 'firing').map((a) => key(a.labels)),
        any: ours.data.length + theirs.length,
      };
    };
    const seen = { lookout: new Map() as Seen, prometheus: new Map() as Seen };
    // labelsKey is JSON of the sorted pairs; alertname is read back from it.
    const alertnameOf = (k: string) => Object.fromEntries(JSON.parse(k) as [string, string][]).alertname;

    // Warm-up: healthy, fast successful requests, until Prometheus has scraped a few times.
    for (let i = 0; i < 6; i++) {
      await send([['openai', 200, 0.3]]);
      await sleep(500);
    }
    // Outage: /health answers 503; groq answers 502 and everything is slow.
    healthy = false;
    const deadline = Date.now() + 40_000;
    let done = 0;
    while (Date.now() < deadline) {
      await send([
        ['groq', 502, 3],
        ['groq', 502, 3],
        ['openai', 200, 3],
      ]);
      const now = Date.now();
      const f = await firing();
      for (const side of ['lookout', 'prometheus'] as const)
        for (const k of f[side]) if (!seen[side].has(k)) seen[side].set(k, now);
      const all = (s: Seen) =>
        ['CCProxyDown', 'HighErrorRate', 'HighLatency'].every((n) => [...s.keys()].some((k) => alertnameOf(k) === n));
      if (all(seen.lookout) && all(seen.prometheus) && (done ||= now) && now - done > (EVAL_S + 1) * 1000) break;
      await sleep(250);
    }
    const report = [...new Set([...seen.lookout.keys(), ...seen.prometheus.keys()])].map((k) => ({
      alert: k,
      lookout: seen.lookout.get(k),
      prometheus: seen.prometheus.get(k),
    }));
    console.log(
      '[prometheus-agreement] firing',
      JSON.stringify(report.map((r) => ({ ...r, deltaMs: (r.lookout ?? NaN) - (r.prometheus ?? NaN) }))),
    );
    expect([...seen.lookout.keys()].sort()).toEqual([...seen.prometheus.keys()].sort());
    for (const r of report)
      expect(Math.abs(r.lookout! - r.prometheus!)).toBeLessThanOrEqual((EVAL_S + SCRAPE_S) * 1000);

    // Recovery: healthy again and no more traffic; every alert resolves on both sides.
    healthy = true;
    const resolved = { lookout: 0, prometheus: 0 };
    const until = Date.now() + 60_000;
    while (Date.now() < until && !(resolved.lookout && resolved.prometheus)) {
      const f = await firing();
      const now = Date.now();
      if (!resolved.lookout && f.lookout.length === 0) resolved.lookout = now;
      if (!resolved.prometheus && f.prometheus.length === 0) resolved.prometheus = now;
      await sleep(250);
    }
    console.log('[prometheus-agreement] resolved', JSON.stringify(resolved));
    expect(resolved.lookout).toBeGreaterThan(0);
    expect(resolved.prometheus).toBeGreaterThan(0);
    // Resolving waits for the last errors to leave the window, which Lookout sees in 10 s steps.
    expect(Math.abs(resolved.lookout - resolved.prometheus)).toBeLessThanOrEqual((EVAL_S + 10) * 1000);
  }, 150_000);
});
