import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

type Budget = { name: string; spent_usd: number; forecast_usd: number; state: string };

describe('LLM cost through the dashboard', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];
  const api = async (path: string, init: RequestInit = {}) =>
    fetch(`${lookout.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/json', ...init.headers },
    });

  beforeAll(async () => {
    lookout = await startLookout();
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
    // The forecast moves with the clock (rate × time left): the page's, read a moment apart, agrees within cents.
    const shown = Number(/forecast \$([\d.]+)/.exec(figures ?? '')?.[1]);
    expect(Math.abs(shown - b.forecast_usd)).toBeLessThan(0.1);
    await screenshot(page, 'llm-cost-budget');
    expect(problems).toEqual([]);
  });
});
