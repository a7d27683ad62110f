import http from 'node:http';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, SCREENSHOT_DIR, screenshot, watchConsole } from './browser';
import { type HealthTarget, startHealthTarget } from './health-target';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** A GET with a chosen Host header, as a reverse proxy for status.example.test would send it. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('a public status page made in /settings', () => {
  let lookout: RunningLookout;
  let health: HealthTarget;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];
  const go = (path: string) => page.goto(`${lookout.url}${path}`);

  beforeAll(async () => {
    health = await startHealthTarget();
    lookout = await startLookout({ LOOKOUT_PUBLIC_RATE_LIMIT: '0' });
    const res = await fetch(`${lookout.url}/api/v1/targets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ccproxy', url: health.url, interval: '2s', timeout: '1s' }),
    });
    expect(res.status).toBe(201);
    browser = await launchBrowser();
    page = await (await browser.newContext({ ...DESKTOP, colorScheme: 'light' })).newPage();
    watchConsole(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await health?.stop().catch(() => undefined);
    if (lookout) expect(await lookout.stop()).toBe(0);
  });

  it('is created in /settings with a target shown under a public name, and an incident opened there', async () => {
    await go('/login?next=%2Fsettings&reason=admin&theme=light');
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/settings$/, WAIT);
    await page.locator('#sp-slug').fill('ccproxy');
    await page.locator('#sp-title').fill('Claude Code proxy');
    await page.locator('#sp-description').fill('Is the proxy up?');
    await page.locator('#sp-show-ccproxy').check();
    await page.getByLabel('Public name of ccproxy').fill('Proxy API');
    await page.getByRole('button', { name: 'Create status page' }).click();
    await page.getByTestId('status-pages-message').filter({ hasText: 'Created /status/ccproxy' }).waitFor(WAIT);
    const row = page.getByTestId('status-page-ccproxy');
    await row.getByRole('button', { name: 'Open an incident' }).click();
    await row.getByLabel('Title').fill('Slow answers');
    await row.getByLabel('Impact').selectOption('major');
    await row.getByLabel('Proxy API').check();
    await row.getByLabel('First update').fill('We are **looking** into it. <script>alert(1)</script>');
    await row.getByRole('button', { name: 'Open incident' }).click();
    await page.getByTestId('status-pages-message').filter({ hasText: 'Opened “Slow answers”' }).waitFor(WAIT);
    await screenshot(page, 'settings-status-pages');
    expect(problems).toEqual([]);
  });

  for (const [name, options] of [
    ['phone-light', { ...PHONE, colorScheme: 'light' }],
    ['phone-dark', { ...PHONE, colorScheme: 'dark' }],
    ['desktop-light', { ...DESKTOP, colorScheme: 'light' }],
    ['desktop-dark', { ...DESKTOP, colorScheme: 'dark' }],
    ['desktop-no-js', { ...DESKTOP, javaScriptEnabled: false }],
  ] as [string, BrowserContextOptions][]) {
    it(`shows the page in Chromium: ${name}`, async () => {
      const context = await browser.newContext(options);
      const p = await context.newPage();
      const seen: ConsoleProblem[] = [];
      watchConsole(p, seen);
      const res = await p.goto(`${lookout.url}/status/ccproxy`);
      expect(res?.status()).toBe(200);
      expect(await p.locator('h1').textContent()).toBe('Claude Code proxy');
      await p.getByText('Major outage').first().waitFor(WAIT);
      await p.getByText('Proxy API').first().waitFor(WAIT);
      expect(await p.locator('.bars i').count()).toBe(90);
      expect(await p.locator('.incident h3').first().textContent()).toContain('Slow answers');
      expect(await p.locator('.md strong').first().textContent()).toBe('looking');
      expect(await p.locator('script').count()).toBe(0);
      // Bars fit the viewport: nothing scrolls sideways at phone width.
      const overflow = await p
        .locator('body')
        .evaluate((b) => b.scrollWidth - b.clientWidth)
        .catch(() => 0);
      expect(overflow).toBeLessThanOrEqual(0);
      const bg = await p
        .locator('body')
        .evaluate((b) => getComputedStyle(b).backgroundColor)
        .catch(() => null);
      if (bg && name.endsWith('dark')) expect(bg).toBe('rgb(15, 18, 22)');
      if (bg && name.endsWith('light')) expect(bg).toBe('rgb(247, 248, 250)');
      await p.screenshot({ path: `${SCREENSHOT_DIR}/status-${name}.png`, fullPage: true });
      expect(seen).toEqual([]);
      await context.close();
    });
  }

  it('may be framed while other pages may not, and serves feeds, summary.json and badges without a login', async () => {
    const statusRes = await fetch(`${lookout.url}/status/ccproxy`, { headers: { 'accept-encoding': 'gzip' } });
    expect(statusRes.headers.get('content-encoding')).toBe('gzip');
    expect(statusRes.headers.get('x-frame-options')).toBeNull();
    expect(statusRes.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const settings = await fetch(`${lookout.url}/settings`, { redirect: 'manual' });
    expect(settings.headers.get('x-frame-options')).toBe('DENY');
    expect(settings.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const summary = (await (await fetch(`${lookout.url}/status/ccproxy/summary.json`)).json()) as {
      status: { indicator: string };
      components: { name: string }[];
    };
    expect(summary.status.indicator).toBe('major');
    expect(summary.components.map((c) => c.name)).toEqual(['Proxy API']);
    expect(await (await fetch(`${lookout.url}/status/ccproxy/feed.atom`)).text()).toContain(
      '<title>Slow answers (investigating)</title>',
    );
    expect((await fetch(`${lookout.url}/status/ccproxy/feed.rss`)).headers.get('content-type')).toContain(
      'application/rss+xml',
    );
    const badge = await fetch(`${lookout.url}/badge/ccproxy/status.svg`);
    expect(badge.status).toBe(200);
    expect(badge.headers.get('content-type')).toBe('image/svg+xml');
    const again = await fetch(`${lookout.url}/badge/ccproxy/status.svg`, {
      headers: { 'if-none-match': badge.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('serves the page at / for its own host name, and the dashboard everywhere else', async () => {
    const list = (await (
      await fetch(`${lookout.url}/api/v1/status-pages`, { headers: { authorization: `Bearer ${lookout.token}` } })
    ).json()) as { data: { id: number }[] };
    const patch = await fetch(`${lookout.url}/api/v1/status-pages/${list.data[0].id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ host: 'status.example.test' }),
    });
    expect(patch.status).toBe(200);
    const own = await getWithHost(`${lookout.url}/`, 'status.example.test');
    expect(own.status).toBe(200);
    expect(own.body).toContain('<h1>Claude Code proxy</h1>');
    const other = await fetch(`${lookout.url}/`, { redirect: 'manual' });
    expect(other.status).toBe(307);
  });

  it('tells the outage when the target goes down, automatically, once the written incident is resolved', async () => {
    const auth = { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/json' };
    const pages = (await (await fetch(`${lookout.url}/api/v1/status-pages`, { headers: auth })).json()) as {
      data: { id: number }[];
    };
    const pageId = pages.data[0].id;
    const incidents = (await (
      await fetch(`${lookout.url}/api/v1/status-pages/${pageId}/incidents`, { headers: auth })
    ).json()) as {
      data: { id: number }[];
    };
    const resolved = await fetch(
      `${lookout.url}/api/v1/status-pages/${pageId}/incidents/${incidents.data[0].id}/updates`,
      {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ status: 'resolved', message: 'Back to normal.' }),
      },
    );
    expect(resolved.status).toBe(201);
    // A written incident covering the outage would tell it instead: start the outage after the resolution.
    await new Promise((r) => setTimeout(r, 1_000));
    await health.stop();
    const deadline = Date.now() + 60_000;
    let text = '';
    while (Date.now() < deadline) {
      text = await (await fetch(`${lookout.url}/status/ccproxy`)).text();
      if (text.includes('Proxy API is down')) break;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    expect(text).toContain('Proxy API is down');
    expect(text).toContain('st-major_outage');
    expect(text).not.toContain('connection refused');
    expect(text).not.toContain('127.0.0.1');
  });
});
