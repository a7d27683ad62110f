import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator, V1_LOG_FILE } from '@/lib/sim/simulator';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

type Budget = { name: string; spent_usd: number; forecast_usd: number; state: string; limit_usd: number };
type Alert = { name: string; state: string; labels: Record<string, string> };

describe('LLM cost through the dashboard', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  let sim: Simulator | undefined;
  const problems: ConsoleProblem[] = [];
  // The simulator's CCProxy v1 log, tailed from the start; the simulator writes to it only in the last test.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-llm-cost-e2e-'));
  const api = async (path: string, init: RequestInit = {}) =>
    fetch(`${lookout.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/json', ...init.headers },
    });

  beforeAll(async () => {
    const v1 = path.join(dir, V1_LOG_FILE);
    fs.writeFileSync(v1, '');
    const config = path.join(dir, 'lookout.yml');
    fs.writeFileSync(
      config,
      `global: { evaluation_interval: 2s }\nlogs:\n  - { name: ccproxy, path: ${v1}, format: ccproxy, start_at: beginning }\n`,
    );
    lookout = await startLookout({ LOOKOUT_CONFIG: config });
    // 40 gpt-4o requests in the last 40 minutes, 100k tokens in and 10k out each: $0.35 apiece, $14 in all.
    const now = Date.now();
    const lines = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({
        time: new Date(now - 40 * 60_000 + i * 60_000).toISOString(),
        level: 'info',
        msg: 'completion',
        status: 200,
        provider: 'openai',
        model: 'gpt-4o',
        input_tokens: 100_000,
        output_tokens: 10_000,
        user_agent: i % 4 === 0 ? 'Zed/0.190.5' : 'claude-cli/1.0.60',
      }),
    ).join('\n');
    const res = await api('/api/v1/logs?source=app', {
      method: 'POST',
      body: lines,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.status).toBe(200);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    page = await context.newPage();
    watchConsole(page, problems);
    await page.goto(`${lookout.url}/login?next=%2Fproviders`);
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/providers/, WAIT);
  });

  afterAll(async () => {
    await browser?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows cost per model and the top clients on /providers', async () => {
    const row = page.getByTestId('cost-per-model').getByTestId('cost-row').filter({ hasText: 'openai/gpt-4o' });
    await row.waitFor(WAIT);
    expect(await row.getByTestId('cost-value').textContent()).toBe('$14.00');
    const zed = page.getByTestId('top-clients').getByTestId('client-row').filter({ hasText: 'Zed' });
    await zed.waitFor(WAIT);
    expect(await zed.textContent()).toContain('$3.50');
    await screenshot(page, 'llm-cost-providers');
  });

  it('adds a budget in /settings, refuses a bad limit by field, and shows its forecast as the API does', async () => {
    await page.goto(`${lookout.url}/settings`);
    const before = problems.length;
    await page.getByTestId('budget-name').fill('openai-daily');
    await page.getByTestId('budget-limit_usd').fill('-3');
    await page.getByTestId('budget-provider').fill('openai');
    await page.getByTestId('budget-save').click();
    await page.getByTestId('error-budget-limit_usd').waitFor(WAIT);
    expect(await page.getByTestId('error-budget-limit_usd').textContent()).toContain('above 0');
    problems.splice(before); // the refused POST's 400 in the console is the point of this step
    await page.getByTestId('budget-limit_usd').fill('20');
    await page.getByTestId('budget-save').click();
    const row = page.getByTestId('budget-row').filter({ hasText: 'openai-daily' });
    await row.waitFor(WAIT);
    const budgets = (await (await api('/api/v1/llm/budgets')).json()) as { data: Budget[] };
    const b = budgets.data.find((x) => x.name === 'openai-daily')!;
    expect(b.spent_usd).toBeCloseTo(14, 6);
    expect(b.forecast_usd).toBeGreaterThan(20);
    expect(b.state).toBe('forecast_exceeded');
    await row.getByTestId('budget-state').filter({ hasText: 'forecast over the limit' }).waitFor(WAIT);
    const figures = await row.getByTestId('budget-figures').textContent();
    expect(figures).toContain('spent $14.00');
    // The forecast moves with the clock (the rate since spend began 40 minutes ago × time left): the page's, read
    // a moment apart, agrees within 1 %.
    const shown = Number(/forecast \$([\d.]+)/.exec(figures ?? '')?.[1]);
    expect(Math.abs(shown - b.forecast_usd) / b.forecast_usd).toBeLessThan(0.01);
    await screenshot(page, 'llm-cost-budget');
    expect(problems).toEqual([]);
  });

  it("fires LLMBudgetExceeded for a rolling budget set in /settings once the simulator's spend passes it", async () => {
    sim = await startSimulator({
      logDir: dir,
      port: 0,
      ratePerSecond: 10,
      timeline: [{ name: 'normal', durationMs: 3_600_000 }],
    });
    const groqSpent = async () => {
      const body = (await (await api('/api/v1/llm/cost?from=now-24h&by=provider')).json()) as {
        data: { key: string; cost_usd: number | null }[];
      };
      return body.data.find((r) => r.key === 'groq')?.cost_usd ?? 0;
    };
    const deadline = Date.now() + 60_000;
    let spent = await groqSpent();
    while (spent === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      spent = await groqSpent();
    }
    expect(spent).toBeGreaterThan(0);
    // Five cents above what groq has spent so far: the simulator passes it within seconds.
    const limit = Math.ceil((spent + 0.05) * 100) / 100;
    await page.goto(`${lookout.url}/settings`);
    await page.getByTestId('budget-name').fill('groq-24h');
    await page.getByTestId('budget-limit_usd').fill(String(limit));
    await page.getByTestId('budget-provider').fill('groq');
    expect(await page.getByTestId('budget-span').inputValue()).toBe('window:24h');
    await page.getByTestId('budget-save').click();
    const row = page.getByTestId('budget-row').filter({ hasText: 'groq-24h' });
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('rolling 24h');
    const firing = async () => {
      const alerts = (await (await api('/api/v1/alerts')).json()) as { data: Alert[] };
      return alerts.data.find(
        (a) => a.name === 'LLMBudgetExceeded' && a.labels.budget === 'groq-24h' && a.state === 'firing',
      );
    };
    const until = Date.now() + 90_000;
    let alert = await firing();
    while (!alert && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 1_000));
      alert = await firing();
    }
    expect(alert?.labels).toMatchObject({ budget: 'groq-24h', provider: 'groq', window: '24h', severity: 'critical' });
    const b = ((await (await api('/api/v1/llm/budgets/groq-24h')).json()) as { data: Budget }).data;
    expect(b.limit_usd).toBe(limit);
    expect(b.spent_usd).toBeGreaterThanOrEqual(limit);
    expect(b.state).toBe('exceeded');
    await row.getByTestId('budget-state').filter({ hasText: 'limit reached' }).waitFor(WAIT);
    await screenshot(page, 'llm-cost-budget-exceeded');
    expect(problems).toEqual([]);
  });
});
