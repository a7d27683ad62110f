import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

type Slo = { id: number; budget: { remaining: number; good: number; total: number }; achieved: number | null };

describe('SLOs through the dashboard', () => {
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
    // 200 requests over the last 40 minutes, every tenth a 502: 5 % bad.
    const now = Date.now();
    const lines = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({
        time: new Date(now - 40 * 60_000 + i * 12_000).toISOString(),
        level: 'info',
        msg: 'request done',
        status: i % 10 === 3 ? 502 : 200,
        duration_ms: 100 + i,
        provider: 'groq',
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
  });

  afterAll(async () => {
    await browser?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
  });

  it('shows the empty state on the overview and in /settings', async () => {
    await page.goto(`${lookout.url}/login?next=%2F`);
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/$/, WAIT);
    await page.getByTestId('slo-empty').waitFor(WAIT);
    await page.goto(`${lookout.url}/settings`);
    await page.getByTestId('slos-admin').getByText('No SLOs yet').waitFor(WAIT);
  });

  it('names the refused field under its input', async () => {
    const before = problems.length;
    await page.locator('#slo-name').fill('requests');
    await page.locator('#slo-objective').fill('100');
    await page.getByRole('button', { name: 'Create SLO' }).click();
    await page.getByTestId('error-slo-objective').waitFor(WAIT);
    expect(await page.getByTestId('error-slo-objective').textContent()).toContain('below 100');
    // The 400 the browser logs for the refused POST is the point of this step.
    problems.splice(before);
  });

  it('creates an SLO in /settings and shows the budget the API gives on its page', async () => {
    await page.locator('#slo-objective').fill('99');
    await page.locator('#slo-window').selectOption('7d');
    await page.locator('#slo-kind').selectOption('request_availability');
    await page.locator('#slo-source').fill('app');
    await page.getByRole('button', { name: 'Create SLO' }).click();
    await page.getByTestId('slos-message').filter({ hasText: 'SLO “requests” created.' }).waitFor(WAIT);
    await page.getByTestId('slo-row').getByRole('link', { name: 'requests' }).click();
    await page.waitForURL(/\/slos\/\d+$/, WAIT);
    const id = Number(page.url().split('/').pop());
    const slo = ((await (await api(`/api/v1/slos/${id}`)).json()) as { data: Slo }).data;
    expect(slo.budget).toMatchObject({ good: 180, total: 200 });
    // 20 bad of 2 allowed: the budget is overspent ten times over.
    expect(slo.budget.remaining).toBeCloseTo(-900, 6);
    expect(await page.getByTestId('slo-budget').textContent()).toContain('-900.0 %');
    await page.locator('figure[aria-label="Error budget left through the window"] svg').first().waitFor(WAIT);
    expect(await page.getByTestId('slo-burn-rates').textContent()).toContain('1h');
    expect(await page.getByTestId('slo-forecast').textContent()).toContain('The budget is spent.');
    await screenshot(page, 'slo-page');
  });

  it('edits it, and the overview panel and /embed/slo agree with the API', async () => {
    await page.goto(`${lookout.url}/settings`);
    await page.getByTestId('slo-row').getByRole('button', { name: 'Edit' }).click();
    await page.locator('#slo-objective').fill('80');
    await page.getByRole('button', { name: 'Save SLO' }).click();
    await page.getByTestId('slos-message').filter({ hasText: 'saved' }).waitFor(WAIT);
    const [slo] = ((await (await api('/api/v1/slos')).json()) as { data: Slo[] }).data;
    // 20 bad of 40 allowed: half the budget left.
    expect(slo.budget.remaining).toBeCloseTo(50, 6);
    await page.goto(`${lookout.url}/`);
    await page.getByTestId('slo-remaining').filter({ hasText: '50.0 %' }).waitFor(WAIT);
    await page.goto(`${lookout.url}/embed/slo?slo=requests`);
    await page.getByTestId('slo-remaining').filter({ hasText: '50.0 %' }).waitFor(WAIT);
    await screenshot(page, 'slo-embed');
  });

  it('deletes it', async () => {
    await page.goto(`${lookout.url}/settings`);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('slo-row').getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('slos-message').filter({ hasText: 'deleted' }).waitFor(WAIT);
    expect(((await (await api('/api/v1/slos')).json()) as { data: Slo[] }).data).toEqual([]);
    expect(problems).toEqual([]);
  });
});
