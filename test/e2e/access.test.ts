import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../api/access-table';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
const PASSWORD = 'e2e-password-3f9a7c';
const GRAFANA = 'https://grafana.example.com';

describe('access: login, tokens, page rights and security headers', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];
  const tokens: Record<'read' | 'ingest', string> = { read: '', ingest: '' };

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${lookout.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/json', ...init.headers },
    });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${lookout.url}${path}`, { redirect: 'manual', headers });

  beforeAll(async () => {
    lookout = await startLookout({ LOOKOUT_EMBED_FRAME_ANCESTORS: `${GRAFANA}, 'self'` });
    for (const scope of ['read', 'ingest'] as const) {
      const res = await api('/api/v1/tokens', {
        method: 'POST',
        body: JSON.stringify({ name: `e2e-${scope}`, scope }),
      });
      tokens[scope] = ((await res.json()) as { data: { token: string } }).data.token;
    }
    expect(
      (
        await api('/api/v1/targets', {
          method: 'POST',
          body: JSON.stringify({ name: 'web', url: 'http://127.0.0.1:9/health' }),
        })
      ).status,
    ).toBe(201);
    // The SLO page of the access table (/slos/1) needs an SLO to exist.
    expect(
      (
        await api('/api/v1/slos', {
          method: 'POST',
          body: JSON.stringify({ name: 'web-up', objective: 99.5, sli: { kind: 'probe_availability', target: 'web' } }),
        })
      ).status,
    ).toBe(201);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    watchConsole(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    if (lookout) {
      const logs = lookout.logs();
      expect(await lookout.stop()).toBe(0);
      for (const secret of [PASSWORD, tokens.read, tokens.ingest]) expect(logs.includes(secret)).toBe(false);
    }
  });

  it('sends anonymous and ingest-token visitors to /login from every page, and lets read tokens in', async () => {
    for (const [route, { access, url }] of Object.entries(PAGES)) {
      const anon = await get(url);
      if (access === 'open') {
        expect(anon.status, route).toBe(200);
        continue;
      }
      expect(anon.status, route).toBe(307);
      expect(anon.headers.get('location'), route).toMatch(/^\/login(\?next=|$)/);
      expect((await get(url, { authorization: `Bearer ${tokens.ingest}` })).status, route).toBe(307);
      expect((await get(url, { authorization: `Bearer ${tokens.read}` })).status, route).toBe(200);
    }
    for (const url of ['/wall', '/embed/latency']) {
      expect((await get(`${url}?token=${tokens.read}`)).status, url).toBe(200);
      expect((await get(`${url}?token=${tokens.ingest}`)).status, url).toBe(307);
      expect((await get(`${url}?token=nope`)).status, url).toBe(307);
    }
    expect((await get('/api/v1/health')).status).toBe(200);
    expect((await get('/api/v1/targets')).status).toBe(401);
    expect((await get('/metrics')).status).toBe(401);
  });

  it('puts a nonce-based Content-Security-Policy on every answer, framing only /embed for the configured origins', async () => {
    const login = await get('/login');
    const html = await login.text();
    for (const path of ['/login', '/', '/settings', '/no-such-page', '/api/v1/health', '/api/v1/targets', '/metrics']) {
      const res = await get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      if (path.startsWith('/api/') || path === '/metrics') {
        expect(csp, path).toBe("default-src 'none'; frame-ancestors 'none'");
      } else {
        expect(csp, path).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'sha256-[\w+/=]+' 'strict-dynamic'/);
        expect(csp, path).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).toContain("object-src 'none'");
      }
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
    }
    const one = (await get('/login')).headers.get('content-security-policy')!;
    const two = (await get('/login')).headers.get('content-security-policy')!;
    expect(one).not.toBe(two);
    // Next stamps its scripts with the nonce of the answer they came in.
    const nonces = [...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(
      new Set([login.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]]),
    );

    const embed = await get(`/embed/requests?token=${tokens.read}`);
    expect(embed.headers.get('content-security-policy')).toMatch(
      new RegExp(`; frame-ancestors ${GRAFANA.replace(/[./]/g, '\\$&')} 'self'$`),
    );
    expect(embed.headers.get('x-frame-options')).toBeNull();

    const asset = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)![1];
    const js = await get(asset);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('asks for a password on first visit (with the admin token), then signs in with it', async () => {
    await page.goto(`${lookout.url}/login?next=%2Fsettings`);
    await page.getByRole('heading', { name: 'Choose a password' }).waitFor(WAIT);
    await screenshot(page, 'login-choose-password');
    await page.locator('#choose-token').fill('not the token');
    await page.locator('#choose-password').fill(PASSWORD);
    await page.locator('#choose-repeat').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('That is not the admin token.').waitFor(WAIT);
    await page.locator('#choose-token').fill(lookout.token);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.waitForURL(/\/settings$/, WAIT);
    await page.getByRole('region', { name: 'API tokens' }).waitFor(WAIT);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/, WAIT);
    await page.getByRole('heading', { name: 'Sign in to Lookout' }).waitFor(WAIT);
    await page.locator('#token').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/', WAIT);
    await page.getByRole('button', { name: 'Sign out' }).waitFor(WAIT);
  });

  it('creates a token shown once with a copy button, lists it, and revokes it', async () => {
    await page.goto(`${lookout.url}/settings`);
    const section = page.getByRole('region', { name: 'API tokens' });
    await section.getByTestId('token-e2e-read').waitFor(WAIT);
    await section.locator('#token-name').fill('wall screen');
    await section.locator('#token-scope').selectOption('read');
    await section.getByRole('button', { name: 'Create token' }).click();
    const secret = (await section.getByTestId('token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^lk_tok_/);
    await section.getByRole('button', { name: 'Copy' }).waitFor(WAIT);
    await screenshot(page, 'settings-token-created');
    expect(
      (await fetch(`${lookout.url}/api/v1/targets`, { headers: { authorization: `Bearer ${secret}` } })).status,
    ).toBe(200);

    await section.getByRole('button', { name: 'Done' }).click();
    const html = await (await get('/settings', { authorization: `Bearer ${lookout.token}` })).text();
    const listed = await (await api('/api/v1/tokens')).text();
    for (const body of [html, listed, await page.content()]) expect(body.includes(secret)).toBe(false);

    await section.getByRole('button', { name: 'Revoke wall screen' }).click();
    await section.getByRole('button', { name: 'Yes, revoke' }).click();
    await section.getByText('Revoked wall screen; it no longer works.').waitFor(WAIT);
    expect(
      (await fetch(`${lookout.url}/api/v1/targets`, { headers: { authorization: `Bearer ${secret}` } })).status,
    ).toBe(401);
  });

  it('runs every page under the policy without a single violation', async () => {
    for (const url of ['/', '/targets/1', '/providers', '/logs', '/alerts', '/settings', '/wall', `/embed/requests`]) {
      await page.goto(`${lookout.url}${url}`);
      await page.waitForLoadState('networkidle');
    }
    // The theme script (allowed by hash) ran, and the client took over (allowed by nonce).
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p.text))).toEqual([]);
  });

  it('passes log bodies over 10 MB to the API whole (proxy.ts must not buffer and cut them)', async () => {
    const line = JSON.stringify({ level: 'info', msg: 'x'.repeat(1000) });
    const lines = 11_000;
    const res = await fetch(`${lookout.url}/api/v1/logs?source=big`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ingest}`, 'content-type': 'application/x-ndjson' },
      body: `${line}\n`.repeat(lines),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { accepted: number }).accepted).toBe(lines);
  });

  it('locks out password guessing with 429 and Retry-After', async () => {
    const attempt = (password: string) =>
      fetch(`${lookout.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401);
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
