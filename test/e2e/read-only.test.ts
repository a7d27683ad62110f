import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

describe('a wall display with LOOKOUT_ANONYMOUS_READ', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];

  beforeAll(async () => {
    lookout = await startLookout({ LOOKOUT_ANONYMOUS_READ: 'true' });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    watchConsole(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
  });

  it('refuses framing on every page but /embed, and sends no MIME sniffing or cross-site referrers', async () => {
    for (const path of ['/', '/logs', '/api/v1/health']) {
      const res = await fetch(`${lookout.url}${path}`);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
    }
    const embed = await fetch(`${lookout.url}/embed/requests`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('shows the empty overview without signing in', async () => {
    await page.goto(`${lookout.url}/?theme=dark`);
    await page.getByText('No targets yet — add one in Settings or in lookout.yml').waitFor(WAIT);
    await page.getByRole('link', { name: 'Sign in' }).waitFor(WAIT);
    await screenshot(page, 'overview-empty-dark');
  });

  it('sends a change to /login with the reason', async () => {
    await page.goto(`${lookout.url}/settings?theme=light`);
    await page.getByText('You can look but not change').waitFor(WAIT);
    await page.locator('#target-name').fill('web');
    await page.locator('#target-url').fill('http://127.0.0.1:9/health');
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.waitForURL(/\/login\?/, WAIT);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings?theme=light');
    await page.getByText('Sign in with the admin token to change targets').waitFor(WAIT);
    // The refused POST is the only thing the browser may complain about.
    expect(problems.filter((p) => !p.text.includes('status of 401'))).toEqual([]);
  });
});
