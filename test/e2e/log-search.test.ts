import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchCorpus } from '../bench/search-corpus';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
const DAY = 86_400_000;
const root = path.resolve(import.meta.dirname, '..', '..');

describe('/logs over a week imported with npm run import', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  let dir = '';
  const problems: ConsoleProblem[] = [];

  const histogramBars = () => page.locator('figure[aria-label="Matching lines over time"] svg path.recharts-rectangle');

  /** Types a query into the query bar and waits for the rows it finds; returns how long they took. */
  async function search(q: string): Promise<number> {
    const started = Date.now();
    await page.locator('#log-query').fill(q);
    await page.locator('#log-query').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === q, WAIT);
    await page.getByTestId('log-row').first().waitFor(WAIT);
    return Date.now() - started;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-e2e-search-'));
    const dataDir = path.join(dir, 'data');
    // A week of CCProxy v0, v1 and an app log, ending a few minutes ago.
    const files = writeSearchCorpus(dir, 210_000, Date.now() - 7 * DAY + 600_000, 7 * DAY - 900_000);
    for (const [name, file] of Object.entries(files)) {
      const r = spawnSync('npx', ['tsx', 'scripts/import.ts', file, '--source', name], {
        cwd: root,
        env: { ...process.env, LOOKOUT_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
    }
    lookout = await startLookout({ LOOKOUT_DATA_DIR: dataDir });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })).newPage();
    watchConsole(page, problems);
    await page.goto(`${lookout.url}/login?next=%2Flogs`);
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/logs', WAIT);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    expect(problems).toEqual([]);
  });

  it('finds a rare word over 7 days, with its lines and their histogram', async () => {
    await page.goto(`${lookout.url}/logs?from=now-7d&to=now&theme=light`);
    const ms = await search('quota');
    const messages = await page.getByTestId('log-message').allTextContents();
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toContain('quota');
    // 210,000 lines with one app line in 25,000 carrying the word: a few lines, a few bars.
    await histogramBars().first().waitFor(WAIT);
    expect(await histogramBars().count()).toBeGreaterThan(0);
    expect(await histogramBars().count()).toBeLessThanOrEqual(messages.length);
    expect(ms).toBeLessThan(5_000);
    await screenshot(page, 'logs-search-rare-7d');
  });

  it('finds a common word and a negation over 7 days, the histogram in every step', async () => {
    await page.goto(`${lookout.url}/logs?from=now-7d&to=now&theme=light`);
    await search('groq');
    for (const m of await page.getByTestId('log-message').allTextContents()) expect(m.toLowerCase()).toContain('groq');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('figure[aria-label="Matching lines over time"] svg path.recharts-rectangle').length >
        100,
      undefined,
      WAIT,
    );
    await search('-groq');
    for (const m of await page.getByTestId('log-message').allTextContents())
      expect(m.toLowerCase()).not.toContain('groq');
    expect(await page.getByTestId('histogram-partial').count()).toBe(0);
  });

  it('says when nothing matches an absent word over the week', async () => {
    await page.goto(`${lookout.url}/logs?from=now-7d&to=now&theme=light`);
    await page.locator('#log-query').fill('timeout');
    await page.locator('#log-query').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'timeout', WAIT);
    await page.getByText('No lines match “timeout” in this range', { exact: false }).waitFor(WAIT);
    await page.locator('figure[aria-label^="Matching lines over time"]').first().waitFor(WAIT);
    expect(await page.getByTestId('log-row').count()).toBe(0);
    expect(await histogramBars().count()).toBe(0);
  });
});
