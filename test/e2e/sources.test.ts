import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

describe('a log file source through /settings', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  let logDir = '';
  let logFile = '';
  const problems: ConsoleProblem[] = [];

  /** Runs a step in which the browser is expected to log exactly these failed loads (a 400 we provoke, say). */
  async function expectingFailedLoads(statuses: number[], step: () => Promise<void>): Promise<void> {
    const before = problems.length;
    await step();
    const during = problems.splice(before);
    problems.push(...during.filter((p) => !statuses.some((s) => p.text.includes(`status of ${s}`))));
  }

  const go = (p: string) => page.goto(`${lookout.url}${p}`);

  beforeAll(async () => {
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-e2e-log-'));
    logFile = path.join(logDir, 'app.log');
    const now = Date.now();
    const lines = [0, 1, 2].map((i) =>
      JSON.stringify({ ts: new Date(now - (3 - i) * 1000).toISOString(), level: 'info', msg: `line ${i}` }),
    );
    fs.writeFileSync(logFile, `${lines.join('\n')}\n`);
    lookout = await startLookout();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    page = await context.newPage();
    watchConsole(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
    if (lookout) expect(await lookout.stop()).toBe(0);
  });

  it('signs in with the admin token and shows the empty state', async () => {
    await go('/login?next=%2Fsettings&reason=admin&theme=light');
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/settings$/, WAIT);
    await go('/settings?refresh=1s&theme=light');
    await page.getByTestId('sources-empty').waitFor(WAIT);
    expect(await page.getByTestId('sources-empty').textContent()).toContain('No log sources — add one below');
  });

  it('shows the API validation message for a bad name under the name field', async () => {
    await expectingFailedLoads([400], async () => {
      await page.locator('#source-name').fill('bad name!');
      await page.locator('#source-path').fill(logFile);
      await page.getByRole('button', { name: 'Add source' }).click();
      const error = page.getByTestId('error-source-name');
      await error.waitFor(WAIT);
      expect(await error.textContent()).toContain('letters, digits');
      expect(await page.locator('#source-name').getAttribute('aria-invalid')).toBe('true');
    });
  });

  it('adds the file and counts its 3 lines', async () => {
    await page.locator('#source-name').fill('applog');
    await page.locator('#source-format').selectOption('json');
    await page.locator('#source-start_at').selectOption('beginning');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByTestId('sources-message').filter({ hasText: 'Added applog.' }).waitFor(WAIT);
    const row = page.getByTestId('settings-source-applog');
    await row.and(page.locator('[data-tailing="true"]')).waitFor(WAIT);
    await page.getByTestId('source-lines-applog').filter({ hasText: '3 accepted' }).waitFor(WAIT);
    expect(await row.textContent()).toContain(logFile);
    await row.locator('summary', { hasText: 'file' }).click();
    await row.getByRole('table', { name: 'Files of applog' }).waitFor(WAIT);
    await screenshot(page, 'settings-sources-light');
  });

  it('stops tailing after a confirm', async () => {
    await page.getByRole('button', { name: 'Stop tailing applog' }).click();
    await page.getByRole('button', { name: 'Yes, stop' }).click();
    await page.getByTestId('sources-message').filter({ hasText: 'Stopped tailing applog.' }).waitFor(WAIT);
    await page.getByTestId('settings-source-applog').and(page.locator('[data-tailing="false"]')).waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Stop tailing applog' }).count()).toBe(0);
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});
