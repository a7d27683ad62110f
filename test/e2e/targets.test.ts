import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type HealthTarget, startHealthTarget } from './health-target';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

describe('a probe target through the dashboard', () => {
  let lookout: RunningLookout;
  let health: HealthTarget;
  let browser: Browser;
  let page: Page;
  let detailPath = '';
  const problems: ConsoleProblem[] = [];

  /** Runs a step in which the browser is expected to log exactly these failed loads (a 400 we provoke, say). */
  async function expectingFailedLoads(statuses: number[], step: () => Promise<void>): Promise<void> {
    const before = problems.length;
    await step();
    const during = problems.splice(before);
    const unexpected = during.filter((p) => !statuses.some((s) => p.text.includes(`status of ${s}`)));
    problems.push(...unexpected);
  }

  const go = (path: string) => page.goto(`${lookout.url}${path}`);

  /** The target page's client panels (chart, status bar, tables) have their data. */
  async function detailReady(): Promise<void> {
    await page.getByRole('table', { name: 'Recent checks, newest first' }).waitFor(WAIT);
    await page
      .locator('figure[aria-label="Latency p50 and p95"] svg, [aria-label^="Latency p50 and p95:"]')
      .first()
      .waitFor(WAIT);
    await page.locator('figure[aria-label="Status per bucket"] svg').first().waitFor(WAIT);
  }

  beforeAll(async () => {
    health = await startHealthTarget();
    lookout = await startLookout();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    page = await context.newPage();
    watchConsole(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await health?.stop().catch(() => undefined);
    if (lookout) expect(await lookout.stop()).toBe(0);
  });

  it('sends a visitor without a session to /login', async () => {
    await go('/');
    await page.waitForURL(/\/login/, WAIT);
    await screenshot(page, 'login-light');
    await go('/login?theme=dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await screenshot(page, 'login-dark');
  });

  it('signs in with the admin token', async () => {
    await go('/login?next=%2Fsettings&reason=admin&theme=light');
    await page.getByText('Sign in with the admin token to change targets').waitFor(WAIT);
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/settings$/, WAIT);
  });

  it('shows the API validation message for a bad URL next to the form', async () => {
    await expectingFailedLoads([400], async () => {
      await page.locator('#target-name').fill('api');
      await page.locator('#target-url').fill('not a url');
      await page.locator('#target-interval').fill('1s');
      await page.locator('#target-timeout').fill('500ms');
      await page.locator('#target-conditions').fill('[BODY].providers.healthy > 0');
      await page.getByRole('button', { name: 'Add target' }).click();
      const error = page.getByTestId('error-target-url');
      await error.waitFor(WAIT);
      expect(await error.textContent()).toContain('absolute http:// or https://');
      expect(await page.locator('#target-url').getAttribute('aria-invalid')).toBe('true');
    });
  });

  it('adds the target in /settings', async () => {
    await page.locator('#target-url').fill(health.url);
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.getByTestId('settings-message').filter({ hasText: 'Added api.' }).waitFor(WAIT);
    await page.getByTestId('settings-target-api').waitFor(WAIT);
    await screenshot(page, 'settings-light');
    await go('/settings?theme=dark');
    await page.getByTestId('settings-target-api').waitFor(WAIT);
    await screenshot(page, 'settings-dark');
  });

  it('shows the target up on the overview and its page', async () => {
    await go('/?refresh=1s&theme=light');
    const card = page.getByTestId('target-card-api');
    await card.and(page.locator('[data-status="up"]')).waitFor(WAIT);
    await card.click();
    await page.waitForURL(/\/targets\/\d+/, WAIT);
    detailPath = new URL(page.url()).pathname;
    await go(`${detailPath}?refresh=1s&from=now-1h&to=now&theme=light`);
    await page.locator('[data-testid="target-status"] [data-status="up"]').waitFor(WAIT);
    await page.getByRole('table', { name: 'Recent checks, newest first' }).waitFor(WAIT);
    // Let a few checks land so the chart and status bar have something to draw.
    await page.waitForTimeout(3_000);
    await detailReady();
    await screenshot(page, 'target-up-light');
    await go('/?refresh=1s&theme=light');
    await page.getByTestId('target-card-api').and(page.locator('[data-status="up"]')).waitFor(WAIT);
    await screenshot(page, 'overview-up-light');
    await go('/?refresh=1s&theme=dark');
    await page.getByTestId('target-card-api').waitFor(WAIT);
    await screenshot(page, 'overview-up-dark');
  });

  it('turns down with the reason once the service stops', async () => {
    await go(`${detailPath}?refresh=1s&from=now-1h&to=now&theme=dark`);
    await page.locator('[data-testid="target-status"] [data-status="up"]').waitFor(WAIT);
    await health.stop();
    await page.locator('[data-testid="target-status"] [data-status="down"]').waitFor(WAIT);
    const reason = page.getByTestId('target-reason');
    await reason.waitFor(WAIT);
    expect(await reason.textContent()).toContain('connection refused');
    await page.getByText('ongoing').first().waitFor(WAIT);
    await detailReady();
    await screenshot(page, 'target-down-dark');
    await go(`${detailPath}?refresh=1s&from=now-1h&to=now&theme=light`);
    await page.getByTestId('target-reason').waitFor(WAIT);
    await detailReady();
    await screenshot(page, 'target-down-light');
    await go('/?refresh=1s&theme=light');
    const card = page.getByTestId('target-card-api');
    await card.and(page.locator('[data-status="down"]')).waitFor(WAIT);
    expect(await card.getByTestId('down-reason').textContent()).toContain('connection refused');
    await screenshot(page, 'overview-down-light');
    await go('/?refresh=1s&theme=dark');
    await page.getByTestId('target-card-api').waitFor(WAIT);
    await screenshot(page, 'overview-down-dark');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await go('/?refresh=off&theme=light');
    await page.getByTestId('target-card-api').waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'overview-phone-light');
    await go(`${detailPath}?refresh=off&theme=dark`);
    await page.getByTestId('target-reason').waitFor(WAIT);
    await detailReady();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'target-phone-dark');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switches theme with the toggle', async () => {
    await go('/?theme=light');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  });

  it('answers 404 for an unknown target', async () => {
    await expectingFailedLoads([404], async () => {
      const res = await go('/targets/987654');
      expect(res?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Not found' }).waitFor(WAIT);
    });
  });

  it('edits, pauses, resumes and deletes the target in /settings', async () => {
    await go('/settings?theme=light');
    const row = page.getByTestId('settings-target-api');
    await row.waitFor(WAIT);
    await page.getByRole('button', { name: 'Edit api' }).click();
    await page.getByRole('heading', { name: 'Edit api' }).waitFor(WAIT);
    expect(await page.locator('#target-interval').inputValue()).toBe('1s');
    expect(await page.locator('#target-headers').inputValue()).toBe('');
    await page.locator('#target-failure_threshold').fill('2');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('settings-message').filter({ hasText: 'Saved api.' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Pause api' }).click();
    await row.locator('[data-status="paused"]').waitFor(WAIT);
    await page.getByRole('button', { name: 'Resume api' }).click();
    await row.locator('[data-status="paused"]').waitFor({ state: 'detached', ...WAIT });
    await page.getByRole('button', { name: 'Delete api' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await row.waitFor({ state: 'detached', ...WAIT });
    await go('/?theme=light');
    await page.getByText('No targets yet — add one in Settings or in lookout.yml').waitFor(WAIT);
    await screenshot(page, 'overview-empty-light');
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});
