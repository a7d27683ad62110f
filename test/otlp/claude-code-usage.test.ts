import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import * as usage from '@/app/api/v1/usage/claude-code/route';
import * as otlpMetrics from '@/app/v1/metrics/route';
import { FakeClock } from '@/lib/clock';
import type { ClaudeCodeUsage } from '@/lib/swr/types';
import { serveRoutes } from '../helpers/intake-server';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';

const start = lookoutPerTest();

/** Two developers' Claude Code sessions, exporting as Claude Code does: counters with user, model, type and session. */
function claudeCode(url: string, email: string, session: string) {
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'claude-code', 'service.version': '2.0.14' }),
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url, headers: { authorization: `Bearer ${ADMIN}` } }),
        exportIntervalMillis: 3_600_000,
      }),
    ],
  });
  const meter = provider.getMeter('com.anthropic.claude_code', '2.0.14');
  const tokens = meter.createCounter('claude_code.token.usage', { unit: 'tokens' });
  const cost = meter.createCounter('claude_code.cost.usage', { unit: 'USD' });
  const who = { 'user.email': email, 'session.id': session, 'organization.id': 'org-1' };
  return {
    provider,
    request(
      model: string,
      t: { input: number; output: number; cacheRead: number; cacheCreation: number },
      usd: number,
    ) {
      for (const [type, n] of Object.entries(t)) tokens.add(n, { ...who, model, type });
      cost.add(usd, { ...who, model });
    },
  };
}

describe('Claude Code usage view', () => {
  it('shows tokens and cost per user, model and type from the OTLP counters Claude Code sends', async () => {
    const t0 = Date.now();
    const clock = new FakeClock(t0);
    start({ clock });
    const server = await serveRoutes({ '/v1/metrics': { POST: otlpMetrics.POST } });
    try {
      const ada = claudeCode(`${server.url}/v1/metrics`, 'ada@example.com', 's-1');
      const bob = claudeCode(`${server.url}/v1/metrics`, 'bob@example.com', 's-2');
      ada.request('claude-sonnet-4-5', { input: 1000, output: 200, cacheRead: 5000, cacheCreation: 300 }, 0.05);
      bob.request('claude-opus-4-1', { input: 50, output: 10, cacheRead: 0, cacheCreation: 0 }, 1.5);
      await Promise.all([ada.provider.forceFlush(), bob.provider.forceFlush()]);
      ada.request('claude-sonnet-4-5', { input: 500, output: 100, cacheRead: 0, cacheCreation: 0 }, 0.02);
      await new Promise((r) => setTimeout(r, 5));
      await ada.provider.forceFlush();
      await Promise.all([ada.provider.shutdown(), bob.provider.shutdown()]);
      clock.advance(120_000);

      const res = await call(usage.GET, `/api/v1/usage/claude-code?from=${t0 - 3_600_000}&to=${t0 + 120_000}`);
      expect(res.status).toBe(200);
      const body = res.body as ClaudeCodeUsage;
      expect(body.rows).toEqual([
        {
          user: 'bob@example.com',
          model: 'claude-opus-4-1',
          input: 50,
          output: 10,
          cache_read: 0,
          cache_creation: 0,
          cost_usd: 1.5,
        },
        {
          user: 'ada@example.com',
          model: 'claude-sonnet-4-5',
          input: 1500,
          output: 300,
          cache_read: 5000,
          cache_creation: 300,
          cost_usd: expect.closeTo(0.07, 9),
        },
      ]);
      const total = (series: ClaudeCodeUsage['tokens'], key: string) =>
        series.find((s) => s.key === key)?.points.reduce((n, [, v]) => n + (v ?? 0), 0);
      expect(total(body.tokens, 'input')).toBe(1550);
      expect(total(body.tokens, 'cacheRead')).toBe(5000);
      expect(total(body.cost, 'bob@example.com')).toBe(1.5);
      expect(body.step_ms).toBe(60_000);
    } finally {
      await server.close();
    }
  });
});
