import { spawnSync } from 'node:child_process';
import {
  AggregationTemporalityPreference,
  OTLPMetricExporter as JsonMetricExporter,
} from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import * as alerts from '@/app/api/v1/alerts/route';
import * as otlpUnderApi from '@/app/api/v1/otlp/v1/metrics/route';
import * as preview from '@/app/api/v1/rules/preview/route';
import * as rules from '@/app/api/v1/rules/route';
import * as metricsPage from '@/app/metrics/route';
import * as otlpMetrics from '@/app/v1/metrics/route';
import { FakeClock } from '@/lib/clock';
import { serveRoutes } from '../helpers/intake-server';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';

const start = lookoutPerTest();

type Preview = { data: { result: { labels: Record<string, string>; value: number }[]; error?: string } };

async function query(expr: string): Promise<Record<string, number>> {
  const res = await call(preview.POST, '/api/v1/rules/preview', { method: 'POST', body: { expr } });
  expect(res.status).toBe(200);
  const out: Record<string, number> = {};
  const { result, error } = (res.body as Preview).data;
  expect(error ?? null).toBeNull();
  for (const r of result) {
    const { __name__: name, ...labels } = r.labels;
    const key = `${name ?? ''}{${Object.entries(labels)
      .sort()
      .map(([k, v]) => `${k}="${v}"`)
      .join(',')}}`;
    out[key] = r.value;
  }
  return out;
}

async function serve() {
  return serveRoutes({
    '/v1/metrics': { POST: otlpMetrics.POST },
    '/api/v1/otlp/v1/metrics': { POST: otlpUnderApi.POST },
  });
}

function meterProvider(url: string, Exporter: typeof JsonMetricExporter | typeof ProtoMetricExporter, delta: boolean) {
  const exporter = new Exporter({
    url,
    headers: { authorization: `Bearer ${ADMIN}` },
    temporalityPreference: delta ? AggregationTemporalityPreference.DELTA : AggregationTemporalityPreference.CUMULATIVE,
  });
  return new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'claude-code', 'service.instance.id': 'laptop-1' }),
    readers: [new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 })],
  });
}

describe('OTLP/HTTP metrics from the OpenTelemetry JS SDK', () => {
  for (const [name, Exporter, path, delta] of [
    ['protobuf, cumulative', ProtoMetricExporter, '/v1/metrics', false],
    ['protobuf, delta', ProtoMetricExporter, '/api/v1/otlp/v1/metrics', true],
    ['JSON, cumulative', JsonMetricExporter, '/api/v1/otlp/v1/metrics', false],
    ['JSON, delta', JsonMetricExporter, '/v1/metrics', true],
  ] as const) {
    it(`stores sums, gauges and histograms (${name}) under Prometheus names, deltas added up`, async () => {
      const clock = new FakeClock(Date.now());
      start({ clock });
      const server = await serve();
      try {
        const provider = meterProvider(`${server.url}${path}`, Exporter, delta);
        const meter = provider.getMeter('com.anthropic.claude_code', '2.0.0');
        const tokens = meter.createCounter('claude_code.token.usage', { unit: 'tokens', description: 'Tokens used' });
        const cost = meter.createCounter('claude_code.cost.usage', { unit: 'USD' });
        const queue = meter.createUpDownCounter('queue.depth');
        const temp = meter.createGauge('cpu.utilization', { unit: '1' });
        const latency = meter.createHistogram('http.server.duration', { unit: 'ms' });
        const who = { 'user.email': 'ada@example.com', model: 'claude-sonnet-4-5' };
        tokens.add(100, { ...who, type: 'input' });
        tokens.add(40, { ...who, type: 'output' });
        cost.add(0.25, who);
        queue.add(5);
        queue.add(-2);
        temp.record(0.5);
        for (const v of [3, 30, 300]) latency.record(v, { route: '/x' });
        await provider.forceFlush();
        // A second export: cumulative sends the totals again, delta only what was added since.
        tokens.add(10, { ...who, type: 'input' });
        cost.add(0.5, who);
        latency.record(7, { route: '/x' });
        clock.advance(1_000);
        await new Promise((r) => setTimeout(r, 5));
        await provider.forceFlush();
        await provider.shutdown();
        clock.advance(60_000);

        const job = 'instance="laptop-1",job="claude-code"';
        expect(await query('claude_code_token_usage_tokens_total')).toEqual({
          [`claude_code_token_usage_tokens_total{${job},model="claude-sonnet-4-5",type="input",user_email="ada@example.com"}`]: 110,
          [`claude_code_token_usage_tokens_total{${job},model="claude-sonnet-4-5",type="output",user_email="ada@example.com"}`]: 40,
        });
        expect(Object.values(await query('claude_code_cost_usage_USD_total'))).toEqual([0.75]);
        expect(await query('cpu_utilization_ratio')).toEqual({ [`cpu_utilization_ratio{${job}}`]: 0.5 });
        expect(Object.values(await query('queue_depth'))).toEqual([3]);
        expect(await query('http_server_duration_milliseconds_bucket{le=~"5|50|.Inf"}')).toEqual({
          [`http_server_duration_milliseconds_bucket{${job},le="5",route="/x"}`]: 1,
          [`http_server_duration_milliseconds_bucket{${job},le="50",route="/x"}`]: 3,
          [`http_server_duration_milliseconds_bucket{${job},le="+Inf",route="/x"}`]: 4,
        });
        expect(Object.values(await query('http_server_duration_milliseconds_count'))).toEqual([4]);
        expect(Object.values(await query('http_server_duration_milliseconds_sum'))).toEqual([340]);
        expect(
          Object.values(await query('histogram_quantile(0.5, http_server_duration_milliseconds_bucket)'))[0],
        ).toBeGreaterThan(0);

        const exposition = await (
          await metricsPage.GET(
            new Request('http://127.0.0.1/metrics', { headers: { authorization: `Bearer ${ADMIN}` } }),
          )
        ).text();
        expect(exposition).toContain('# TYPE claude_code_token_usage_tokens_total counter');
        expect(exposition).toContain('# HELP claude_code_token_usage_tokens_total Tokens used');
        expect(exposition).toContain(
          `claude_code_token_usage_tokens_total{${job},model="claude-sonnet-4-5",type="input",user_email="ada@example.com"} 110`,
        );
        expect(exposition).toContain('# TYPE http_server_duration_milliseconds histogram');
        expect(exposition).toContain(`http_server_duration_milliseconds_bucket{${job},le="+Inf",route="/x"} 4`);
        expect(exposition).toContain('# TYPE queue_depth gauge');
        // promtool's own parser and linter, where installed (.ci/run installs it). Its one remark is the base-unit
        // advice for a histogram the sender made in milliseconds, which the translation keeps as sent.
        if (spawnSync('promtool', ['--version']).status === 0 || process.env.CI === 'true') {
          const run = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
          expect((run.stdout + run.stderr).trim()).toBe(
            'http_server_duration_milliseconds use base unit "seconds" instead of "milliseconds"',
          );
        }
      } finally {
        await server.close();
      }
    });
  }

  it('does not add a delta twice when a client resends it', async () => {
    const now = Date.now();
    start({ clock: new FakeClock(now + 60_000) });
    const body = JSON.stringify({
      resourceMetrics: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
          scopeMetrics: [
            {
              metrics: [
                {
                  name: 'jobs.done',
                  sum: {
                    aggregationTemporality: 1,
                    isMonotonic: true,
                    dataPoints: [{ timeUnixNano: String(BigInt(now) * 1_000_000n), asInt: '4' }],
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    for (let i = 0; i < 3; i++) {
      const res = await otlpMetrics.POST(
        new Request('http://127.0.0.1/v1/metrics', {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
          body,
        }),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
    }
    expect(await query('jobs_done_total')).toEqual({ 'jobs_done_total{job="svc"}': 4 });
  });

  it('fires an alert rule on a metric the SDK sent', async () => {
    const clock = new FakeClock(Date.now());
    const ctx = start({ clock, config: 'global: { evaluation_interval: 15s }' });
    const server = await serve();
    try {
      const created = await call(rules.POST, '/api/v1/rules', {
        method: 'POST',
        body: { name: 'ClaudeSpend', expr: 'sum by (job) (claude_code_cost_usage_USD_total) > 1', for: '0s' },
      });
      expect(created.status).toBe(201);
      const provider = meterProvider(`${server.url}/v1/metrics`, ProtoMetricExporter, false);
      provider.getMeter('claude').createCounter('claude_code.cost.usage', { unit: 'USD' }).add(2.5, { model: 'opus' });
      await provider.forceFlush();
      await provider.shutdown();
      ctx.lookout.alerts.start();
      for (let i = 0; i < 4; i++) {
        clock.advance(15_000);
        await new Promise((r) => setTimeout(r, 20));
      }
      const firing = (await call(alerts.GET, '/api/v1/alerts')).body as {
        data: { name: string; state: string; labels: Record<string, string>; value: number }[];
      };
      expect(firing.data.map((a) => [a.name, a.state, a.labels.job])).toEqual([
        ['ClaudeSpend', 'firing', 'claude-code'],
      ]);
    } finally {
      await server.close();
    }
  });

  it('refuses malformed protobuf with a 400 and far-future points with partialSuccess, storing nothing of them', async () => {
    const now = Date.now();
    start({ clock: new FakeClock(now) });
    const post = (body: string | Uint8Array, type: string) =>
      otlpMetrics.POST(
        new Request('http://127.0.0.1/v1/metrics', {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': type },
          body: typeof body === 'string' ? body : new Uint8Array(body),
        }),
      );
    expect((await post(Buffer.from([0x0a, 0x05, 0x01]), 'application/x-protobuf')).status).toBe(400);
    expect((await post('{}', 'text/plain')).status).toBe(415);
    const gauge = (ms: bigint, v: number) => ({ timeUnixNano: String(ms * 1_000_000n), asDouble: v });
    const res = await post(
      JSON.stringify({
        resourceMetrics: [
          {
            scopeMetrics: [
              {
                metrics: [
                  {
                    name: 'temp',
                    gauge: { dataPoints: [gauge(BigInt(now), 20), gauge(BigInt(now + 2 * 86_400_000), 99)] },
                  },
                  { name: 'expo', exponentialHistogram: { dataPoints: [{}] } },
                ],
              },
            ],
          },
        ],
      }),
      'application/json',
    );
    const answer = (await res.json()) as { partialSuccess: { rejectedDataPoints: string; errorMessage: string } };
    expect(answer.partialSuccess.rejectedDataPoints).toBe('2');
    expect(answer.partialSuccess.errorMessage).toMatch(/more than a day ahead.*exponential/);
    expect(await query('temp')).toEqual({ 'temp{}': 20 });
  });
});
