import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { ccproxyLines, ingest, MARKUP_MESSAGE } from './ccproxy-lines';
import { type HealthTarget, startHealthTarget } from './health-target';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
const THEMES = ['light', 'dark'] as const;

/** The request charts of the overview, by their figure labels. */
const OVERVIEW_CHARTS = [
  'Requests per',
  'Errors by status',
  'Response time histogram',
  'Requests, errors and 429s per provider',
];

describe('the dashboard over ingested CCProxy logs', () => {
  let lookout: RunningLookout;
  let health: HealthTarget;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];

  const go = (path: string) => page.goto(`${lookout.url}${path}`);
  const chart = (label: string) => page.locator(`figure[aria-label^="${label}"] svg`).first();

  /** A step in which the browser may log exactly these failed loads (a 400 we provoke, say). */
  async function allowingFailedLoads(statuses: number[], step: () => Promise<void>): Promise<void> {
    const before = problems.length;
    await step();
    const during = problems.splice(before);
    problems.push(...during.filter((p) => !statuses.some((s) => p.text.includes(`status of ${s}`))));
  }

  beforeAll(async () => {
    health = await startHealthTarget();
    lookout = await startLookout();
    const res = await fetch(`${lookout.url}/api/v1/targets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ccproxy', url: health.url, interval: '1s', timeout: '1s' }),
    });
    expect(res.status).toBe(201);
    const r = await ingest(lookout.url, lookout.token, 'ccproxy', ccproxyLines(Date.now()));
    expect(r.rejected).toBe(0);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })).newPage();
    watchConsole(page, problems);
    await go('/login?next=%2F');
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/', WAIT);
  });

  afterAll(async () => {
    await browser?.close();
    await health?.stop().catch(() => undefined);
    // The stale-data test stops the server itself; stopping twice is harmless.
    if (lookout) await lookout.stop();
  });

  it('draws the overview tiles and charts from the ingested requests', async () => {
    for (const theme of THEMES) {
      await go(`/?from=now-1h&to=now&theme=${theme}`);
      for (const label of OVERVIEW_CHARTS) await chart(label).waitFor(WAIT);
      await page.getByTestId('strip-ccproxy').and(page.locator('[data-status="up"]')).waitFor(WAIT);
      const rps = page.getByTestId('tile-rps');
      await expect.poll(() => rps.textContent(), WAIT).toMatch(/\/s/);
      expect(await page.getByTestId('tile-429').textContent()).toMatch(/429s\s*\d+/);
      expect(await page.getByTestId('tile-error-rate').textContent()).toMatch(/%/);
      await screenshot(page, `overview-${theme}`);
    }
  });

  it('switches the error pie to provider and level', async () => {
    await go('/?from=now-1h&to=now&theme=light');
    await page.getByRole('group', { name: 'Group errors by' }).getByRole('button', { name: 'provider' }).click();
    await chart('Errors by provider').waitFor(WAIT);
    await page.getByRole('group', { name: 'Group errors by' }).getByRole('button', { name: 'level' }).click();
    await chart('Errors by level').waitFor(WAIT);
  });

  it('drills down from a provider to its logs', async () => {
    await go('/?from=now-1h&to=now&theme=light');
    await chart('Requests per').waitFor(WAIT);
    await page.locator('figure[aria-label^="Requests per"] figcaption').getByRole('link', { name: 'groq' }).click();
    await page.waitForURL(/\/logs\?/, WAIT);
    expect(new URL(page.url()).searchParams.get('q')).toBe('provider:groq');
    await page.getByTestId('log-row').first().waitFor(WAIT);
  });

  it('drills down from a time point to the logs of that step', async () => {
    await go('/?from=now-1h&to=now&theme=light');
    const figure = page.locator('figure[aria-label^="Requests per"] .recharts-wrapper').first();
    await figure.waitFor(WAIT);
    const box = await figure.boundingBox();
    if (!box) throw new Error('the requests chart has no box');
    // Recharts tracks the pointer per animation frame: hover until the tooltip shows, then click.
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.locator('figure[aria-label^="Requests per"] .recharts-tooltip-wrapper').getByText('UTC').waitFor(WAIT);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.waitForURL(/\/logs\?/, WAIT);
    const url = new URL(page.url());
    const from = Number(url.searchParams.get('from'));
    expect(Number(url.searchParams.get('to')) - from).toBeGreaterThan(0);
    // About 60 % across the last hour: neither its first nor its last step.
    expect(Date.now() - from).toBeGreaterThan(10 * 60_000);
    expect(Date.now() - from).toBeLessThan(40 * 60_000);
  });

  it('searches logs with comparisons and keeps the query in the URL', async () => {
    await go('/logs?from=now-1h&to=now&theme=light');
    await page.locator('#log-query').fill('status:>=500');
    await page.locator('#log-query').press('Enter');
    await page.waitForURL(/q=status/, WAIT);
    await page.getByTestId('log-row').first().waitFor(WAIT);
    const statuses = await page.locator('[data-testid="log-row"] td:nth-child(4)').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(Number(s)).toBeGreaterThanOrEqual(500);
    await page.getByTestId('log-row').first().getByRole('button', { name: 'Show every field' }).click();
    await page.getByText('fields.duration').first().waitFor(WAIT);
  });

  it('shows a bad query’s message under the query bar', async () => {
    await allowingFailedLoads([400], async () => {
      await go('/logs?from=now-1h&to=now&q=%22unclosed&theme=light');
      const error = page.getByTestId('query-error');
      await error.waitFor(WAIT);
      expect(await error.textContent()).toContain('quote');
    });
  });

  it('renders a log line containing markup as text', async () => {
    await go(`/logs?from=now-1h&to=now&q=${encodeURIComponent('"onerror"')}&theme=dark`);
    const message = page.getByTestId('log-message').first();
    await message.waitFor(WAIT);
    expect(await message.textContent()).toBe(MARKUP_MESSAGE);
    expect(await page.locator('main img, main b, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('shows /logs with its histogram in both themes', async () => {
    for (const theme of THEMES) {
      await go(`/logs?from=now-1h&to=now&theme=${theme}`);
      await page.getByTestId('log-row').first().waitFor(WAIT);
      await chart('Matching lines over time').waitFor(WAIT);
      await screenshot(page, `logs-${theme}`);
    }
  });

  it('pages through older lines as the table scrolls', async () => {
    await go('/logs?from=now-1h&to=now&theme=light');
    await page.getByTestId('log-row').first().waitFor(WAIT);
    expect(await page.getByTestId('log-row').count()).toBe(100);
    await page.getByRole('button', { name: 'Load older lines' }).scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('log-row').count(), WAIT).toBeGreaterThan(100);
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/?from=now-1h&to=now&theme=light', '/logs?from=now-1h&to=now&theme=dark']) {
      await go(path);
      await page.locator('figure svg').first().waitFor(WAIT);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await screenshot(page, 'logs-phone-dark');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('compares providers and models in a sortable table with charts', async () => {
    for (const theme of THEMES) {
      await go(`/providers?from=now-1h&to=now&theme=${theme}`);
      await chart('Share of traffic by provider').waitFor(WAIT);
      await chart('Latency p50 and p95 per provider').waitFor(WAIT);
      await chart('Requests per').waitFor(WAIT);
      await page.getByTestId('models-table').waitFor(WAIT);
      await screenshot(page, `providers-${theme}`);
    }
    const firstProvider = () =>
      page.locator('[data-testid="models-table"] tbody tr td:first-child').first().textContent();
    expect(await firstProvider()).toBe('groq');
    await page.getByRole('button', { name: /^Requests/ }).click();
    await page.waitForURL(/dir=asc/, WAIT);
    expect(await firstProvider()).toBe('gemini');
  });

  it('draws every embeddable panel alone, without navigation', async () => {
    const panels = ['requests', 'errors', 'latency', 'providers', 'uptime'];
    await page.setViewportSize({ width: 640, height: 360 });
    for (const theme of THEMES) {
      for (const panel of panels) {
        await go(`/embed/${panel}?from=now-1h&to=now&theme=${theme}`);
        await page.getByTestId(`embed-${panel}`).locator('figure svg').first().waitFor(WAIT);
        expect(await page.getByRole('navigation').count()).toBe(0);
        await screenshot(page, `embed-${panel}-${theme}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('fills a 1920×1080 wall without scrollbars, dark by default', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const theme of [null, 'light'] as const) {
      await go(`/wall?from=now-1h&to=now&refresh=2s${theme ? `&theme=${theme}` : ''}`);
      expect(await page.locator('html').getAttribute('data-theme')).toBe(theme ?? 'dark');
      await page.getByTestId('wall').locator('figure svg').nth(3).waitFor(WAIT);
      await expect.poll(() => page.getByTestId('tile-rps').textContent(), WAIT).toMatch(/\/s/);
      expect(await page.getByRole('navigation').count()).toBe(0);
      // The wall draws its own SVG charts so it never loads recharts (issue #4: ≤ 250 KB of JavaScript).
      expect(await page.getByTestId('wall').locator('.recharts-wrapper, .recharts-surface').count()).toBe(0);
      expect(
        await page.getByTestId('wall').locator('figure[aria-label^="Requests per"] svg polygon').count(),
      ).toBeGreaterThan(0);
      const size = await page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        sh: document.documentElement.scrollHeight,
        w: window.innerWidth,
        h: window.innerHeight,
      }));
      expect(size.sw).toBeLessThanOrEqual(size.w);
      expect(size.sh).toBeLessThanOrEqual(size.h);
      await screenshot(page, `wall-${theme ?? 'dark'}`);
    }
  });

  it('scales the wall to a 4K screen without scrollbars', async () => {
    await page.setViewportSize({ width: 3840, height: 2160 });
    await go('/wall?from=now-1h&to=now&refresh=10s');
    await page.getByTestId('wall').locator('figure svg').nth(3).waitFor(WAIT);
    const size = await page.evaluate(() => ({
      sw: document.documentElement.scrollWidth,
      sh: document.documentElement.scrollHeight,
    }));
    expect(size).toEqual({ sw: 3840, sh: 2160 });
    await screenshot(page, 'wall-4k-dark');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lets a screen without a session show /wall and /embed with ?token=', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const screen = await context.newPage();
    watchConsole(screen, problems);
    await screen.goto(`${lookout.url}/wall?token=${lookout.token}&from=now-1h&to=now`);
    expect(new URL(screen.url()).pathname).toBe('/wall');
    await screen.getByTestId('wall').locator('figure svg').nth(3).waitFor(WAIT);
    await screen.goto(`${lookout.url}/embed/latency?token=${lookout.token}&from=now-1h&to=now&theme=light`);
    await screen.getByTestId('embed-latency').locator('figure svg').first().waitFor(WAIT);
    await screen.goto(`${lookout.url}/wall`);
    await screen.waitForURL(/\/login/, WAIT);
    await context.close();
  });

  it('follows new lines with live tail on', async () => {
    await go('/logs?from=now-15m&to=now&theme=light');
    await page.getByTestId('log-row').first().waitFor(WAIT);
    await page.getByTestId('live-toggle').click();
    await page.waitForURL(/live=1/, WAIT);
    const marker = `live-tail-${Date.now()}`;
    await ingest(
      lookout.url,
      lookout.token,
      'ccproxy',
      `${JSON.stringify({ level: 'info', msg: marker, time: new Date().toISOString() })}\n`,
    );
    await page.getByTestId('log-message').filter({ hasText: marker }).waitFor(WAIT);
    await page.getByTestId('live-toggle').click();
    await page.waitForURL((u) => !u.searchParams.has('live'), WAIT);
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });

  it('marks the wall stale while the API is unreachable and recovers by itself', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await go('/wall?from=now-1h&to=now&refresh=2s');
    await page.getByTestId('wall').locator('figure svg').first().waitFor(WAIT);
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    const notice = page.getByTestId('stale-notice').filter({ hasText: 'unreachable' });
    await notice.waitFor(WAIT);
    await page.unroute('**/api/v1/**');
    await notice.waitFor({ state: 'detached', ...WAIT });
  });

  it('says on the wall that its data is stale once the server stops', async () => {
    await go('/wall?from=now-1h&to=now&refresh=2s');
    await page.getByTestId('wall').locator('figure svg').first().waitFor(WAIT);
    expect(await page.getByTestId('stale-notice').count()).toBe(0);
    await lookout.stop();
    const notice = page.getByTestId('stale-notice').filter({ hasText: 'unreachable' });
    await notice.waitFor(WAIT);
    await screenshot(page, 'wall-stale-dark');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
