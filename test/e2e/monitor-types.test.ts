import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, pickTargetType, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

describe('target types through /settings', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  let tcp: net.Server;
  let tcpPort = 0;
  const problems: ConsoleProblem[] = [];

  beforeAll(async () => {
    tcp = net.createServer((s) => s.end('+OK ready\r\n'));
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()));
    tcpPort = (tcp.address() as net.AddressInfo).port;
    lookout = await startLookout();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
    page = await context.newPage();
    watchConsole(page, problems);
    await page.goto(`${lookout.url}/login?next=%2Fsettings&reason=admin&theme=light`);
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/settings$/, WAIT);
  });

  afterAll(async () => {
    await browser?.close();
    tcp?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
  });

  it('adds a tcp target with its own fields, and it comes up', async () => {
    await pickTargetType(page, 'tcp');
    expect(await page.locator('#target-method').count()).toBe(0);
    await page.locator('#target-name').fill('redis');
    await page.locator('#target-url').fill(`tcp://127.0.0.1:${tcpPort}`);
    await page.locator('#target-interval').fill('1s');
    await page.locator('#target-timeout').fill('500ms');
    await page.locator('#target-expect').fill('+OK*');
    await page.locator('#target-conditions').fill('[CONNECTED] == true\n[BODY] == pat(*ready*)');
    await screenshot(page, 'settings-tcp-form');
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.getByTestId('settings-message').filter({ hasText: 'Added redis.' }).waitFor(WAIT);
    await page.goto(`${lookout.url}/?refresh=1s&theme=light`);
    await page.getByTestId('target-card-redis').and(page.locator('[data-status="up"]')).waitFor(WAIT);
  });

  it('adds a heartbeat and shows its ping URL once, which then works', async () => {
    await page.goto(`${lookout.url}/settings?theme=light`);
    await pickTargetType(page, 'heartbeat');
    expect(await page.locator('#target-url').count()).toBe(0);
    await page.locator('#target-name').fill('backup');
    await page.locator('#target-period').fill('1h');
    await page.locator('#target-grace').fill('5m');
    await page.getByRole('button', { name: 'Add target' }).click();
    const message = page.getByTestId('settings-message').filter({ hasText: 'Added backup.' });
    await message.waitFor(WAIT);
    const text = (await message.textContent()) ?? '';
    const url = /(http:\/\/\S+\/ping\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(url).toBeDefined();
    await screenshot(page, 'settings-heartbeat-created');
    const ping = await fetch(url!);
    expect(ping.status).toBe(200);
    expect(await ping.text()).toBe('OK');
    await page.goto(`${lookout.url}/?refresh=1s&theme=light`);
    await page.getByTestId('target-card-backup').and(page.locator('[data-status="up"]')).waitFor(WAIT);
    await screenshot(page, 'overview-types');
    expect(problems).toEqual([]);
  });
});
