import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type HealthTarget, startHealthTarget } from './health-target';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

describe('a maintenance window planned in /settings', () => {
  let lookout: RunningLookout;
  let health: HealthTarget;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];
  const addTarget = (name: string) =>
    fetch(`${lookout.url}/api/v1/targets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, url: health.url, interval: '2s', timeout: '1s' }),
    });

  beforeAll(async () => {
    health = await startHealthTarget();
    lookout = await startLookout();
    expect((await addTarget('api')).status).toBe(201);
    expect((await addTarget('db')).status).toBe(201);
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

  it('is planned for one target, badges it on the overview, the wall and its page, and is deleted', async () => {
    await page.goto(`${lookout.url}/login?next=%2Fsettings&reason=admin`);
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/settings$/, WAIT);
    const admin = page.getByTestId('maintenance-admin');
    await admin.getByText('No maintenance windows').waitFor(WAIT);
    // Refused without a target, naming the field: the one failed load this test expects.
    await page.locator('#maint-name').fill('database upgrade');
    await page.getByRole('button', { name: 'Plan window' }).click();
    await admin.getByRole('alert').filter({ hasText: 'target' }).waitFor(WAIT);
    const refused = problems.splice(0);
    expect(refused.map((p) => p.text.includes('status of 400'))).toEqual([true]);
    // The start field defaults to now, so the window is on at once.
    await admin.getByLabel('api', { exact: true }).check();
    await page.locator('#maint-duration').selectOption('2h');
    await page.locator('#maint-reason').fill('v2 schema');
    await page.getByRole('button', { name: 'Plan window' }).click();
    await page.getByTestId('maintenance-message').filter({ hasText: 'planned' }).waitFor(WAIT);
    const row = admin.getByTestId('maintenance-row');
    await row.filter({ hasText: 'database upgrade' }).waitFor(WAIT);
    expect(await row.getAttribute('data-state')).toBe('active');
    await screenshot(page, 'settings-maintenance');

    await page.goto(`${lookout.url}/`);
    await page.getByTestId('maintenance-strip').filter({ hasText: 'database upgrade' }).waitFor(WAIT);
    await page.getByTestId('target-card-api').getByTestId('maintenance-badge').waitFor(WAIT);
    expect(await page.getByTestId('target-card-db').getByTestId('maintenance-badge').count()).toBe(0);
    expect(await page.getByTestId('strip-api').getAttribute('data-maintenance')).toBe('true');
    await screenshot(page, 'overview-maintenance');

    await page.goto(`${lookout.url}/wall`);
    await page.getByTestId('maintenance-strip').filter({ hasText: 'v2 schema' }).waitFor(WAIT);
    expect(await page.getByTestId('strip-api').getAttribute('data-maintenance')).toBe('true');

    await page.goto(`${lookout.url}/targets/1`);
    await page.getByTestId('maintenance-strip').filter({ hasText: 'database upgrade' }).waitFor(WAIT);
    await page.goto(`${lookout.url}/targets/2`);
    await page.getByTestId('target-status').waitFor(WAIT);
    expect(await page.getByTestId('maintenance-strip').count()).toBe(0);

    await page.goto(`${lookout.url}/settings`);
    page.once('dialog', (d) => void d.accept());
    await admin.getByTestId('maintenance-row').getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('maintenance-message').filter({ hasText: 'deleted' }).waitFor(WAIT);
    await page.goto(`${lookout.url}/`);
    await page.getByTestId('target-card-api').waitFor(WAIT);
    expect(await page.getByTestId('maintenance-strip').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
