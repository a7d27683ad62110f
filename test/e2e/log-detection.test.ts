import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const clf = (ms: number) => {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
};

describe('the Routes table and the Detection section', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  let dir = '';
  const problems: ConsoleProblem[] = [];
  const go = (p: string) => page.goto(`${lookout.url}${p}`);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-e2e-detect-'));
    const now = Date.now();
    const access: string[] = [];
    // 30 requests to /users/{id} (every 5th a 502), 10 to /health, within the last 20 minutes.
    for (let i = 0; i < 40; i++) {
      const ts = now - 20 * 60_000 + i * 25_000;
      const [p, status] = i < 30 ? [`/users/${100 + i}`, i % 5 === 0 ? 502 : 200] : ['/health', 200];
      access.push(`10.0.0.${i} - - [${clf(ts)}] "GET ${p} HTTP/1.1" ${status} 512 "-" "curl/8" 0.0${10 + i}`);
    }
    fs.writeFileSync(path.join(dir, 'access.log'), `${access.join('\n')}\n`);
    const t = new Date(now - 5 * 60_000).toISOString().replace('T', ' ').replace('Z', '');
    fs.writeFileSync(
      path.join(dir, 'jobs.log'),
      [
        `${t} ERROR [main] c.e.Jobs - import failed`,
        'java.lang.IllegalStateException: no input',
        '\tat com.example.Jobs.run(Jobs.java:12)',
        'a line with no time at all',
        `${t} INFO [main] c.e.Jobs - retry scheduled`,
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'lookout.yml'),
      'logs:\n  - name: web\n    path: access.log\n  - name: jobs\n    path: jobs.log\n',
    );
    lookout = await startLookout({ LOOKOUT_CONFIG: path.join(dir, 'lookout.yml') });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    page = await context.newPage();
    watchConsole(page, problems);
    await go('/login?next=%2F&theme=light');
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`^${lookout.url}/(\\?.*)?$`), WAIT);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (lookout) expect(await lookout.stop()).toBe(0);
  });

  it('shows the nginx log per route on the overview, ids templated', async () => {
    await go('/?from=now-1h&to=now&refresh=1s&theme=light');
    const table = page.getByTestId('routes-table');
    await table.filter({ hasText: '/users/:id' }).waitFor(WAIT);
    const rows = await table.locator('tbody tr').allInnerTexts();
    const cells = rows.map((r) => r.split('\t').map((c) => c.trim()));
    expect(cells.map((c) => c.slice(0, 4))).toEqual([
      ['GET', '/users/:id', '30', '20 %'],
      ['GET', '/health', '10', '0 %'],
    ]);
    await screenshot(page, 'overview-routes-light');
  });

  it('shows per source what was detected, with the lines placed at the time received', async () => {
    await go('/settings?theme=light');
    const row = page.getByTestId('settings-source-jobs');
    await row.waitFor(WAIT);
    await row.locator('summary', { hasText: 'Detection' }).click();
    const section = page.getByTestId('source-detection-jobs');
    await section.waitFor(WAIT);
    await page.getByTestId('source-fallbacks-jobs').filter({ hasText: '1 of 3 lines' }).waitFor(WAIT);
    const lines = section.getByRole('table', { name: 'Latest lines of jobs as detected' }).getByTestId('detected-line');
    expect(await lines.count()).toBe(3);
    const texts = await lines.allInnerTexts();
    expect(texts[2]).toContain('java.lang.IllegalStateException: no input');
    expect(texts[2]).toContain('error');
    expect(texts[1]).toContain('received time (missing)');
    const fallbacks = section.getByRole('table', { name: 'Lines of jobs without their own time' });
    expect(await fallbacks.textContent()).toContain('a line with no time at all');
    await screenshot(page, 'settings-detection-light');
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});
