import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

describe('OTLP and Loki intake on the running server, and the Claude Code view', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];
  const auth = () => ({ authorization: `Bearer ${lookout.token}` });

  beforeAll(async () => {
    lookout = await startLookout();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    page = await context.newPage();
    watchConsole(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
  });

  it('takes Claude Code-shaped metrics and log events from the SDK at the OTLP default paths', async () => {
    const resource = resourceFromAttributes({ 'service.name': 'claude-code' });
    const meters = new MeterProvider({
      resource,
      readers: [
        new PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter({ url: `${lookout.url}/v1/metrics`, headers: auth() }),
          exportIntervalMillis: 3_600_000,
        }),
      ],
    });
    const meter = meters.getMeter('com.anthropic.claude_code');
    const who = { 'user.email': 'ada@example.com', model: 'claude-sonnet-4-5' };
    meter.createCounter('claude_code.token.usage', { unit: 'tokens' }).add(1200, { ...who, type: 'input' });
    meter.createCounter('claude_code.cost.usage', { unit: 'USD' }).add(0.75, who);
    await meters.forceFlush();
    await meters.shutdown();

    const loggers = new LoggerProvider({
      resource,
      processors: [
        new BatchLogRecordProcessor({
          exporter: new OTLPLogExporter({ url: `${lookout.url}/v1/logs`, headers: auth() }),
        }),
      ],
    });
    loggers.getLogger('com.anthropic.claude_code.events').emit({
      severityNumber: SeverityNumber.INFO,
      body: 'claude_code.api_request',
      attributes: { 'event.name': 'api_request', model: 'claude-sonnet-4-5', cost_usd: 0.75, input_tokens: 1200 },
    });
    await loggers.forceFlush();
    await loggers.shutdown();

    const push = await fetch(`${lookout.url}/loki/api/v1/push`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({
        streams: [{ stream: { job: 'shipper', env: 'prod' }, values: [[`${Date.now()}000000`, 'hello from loki']] }],
      }),
    });
    expect(push.status).toBe(204);

    const logs = (await (
      await fetch(`${lookout.url}/api/v1/logs?from=now-1h&limit=10`, { headers: auth() })
    ).json()) as { data: { source: string; message: string; fields: Record<string, unknown> }[] };
    expect(logs.data.map((r) => [r.source, r.message]).sort()).toEqual([
      ['claude-code', 'claude_code.api_request'],
      ['shipper', 'hello from loki'],
    ]);
    const metrics = await (await fetch(`${lookout.url}/metrics`, { headers: auth() })).text();
    expect(metrics).toMatch(/claude_code_cost_usage_USD_total\{job="claude-code",model="claude-sonnet-4-5",.*\} 0\.75/);
  });

  it('shows tokens and cost per user and model on /claude-code', async () => {
    await page.goto(`${lookout.url}/login?next=%2Fclaude-code`);
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/claude-code/, WAIT);
    const table = page.getByTestId('claude-code-table');
    await table.waitFor(WAIT);
    const row = table.locator('tbody tr').first();
    await expect
      .poll(async () => (await row.locator('td').allTextContents()).join(' '), WAIT)
      .toBe('ada@example.com claude-sonnet-4-5 1.2k 0 0 0 $0.75');
    await screenshot(page, 'claude-code');
    expect(problems).toEqual([]);
  });
});
