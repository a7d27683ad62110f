import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator, V1_LOG_FILE } from '@/lib/sim/simulator';
import { type ConsoleProblem, launchBrowser, pickTargetType, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
// Normal traffic first, then every provider down for the rest of the test.
const NORMAL_MS = 50_000;

describe('provider health strip and the llm target form', () => {
  let sim: Simulator;
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-llm-e2e-'));

  beforeAll(async () => {
    // The simulator starts once Lookout is up (its first start may build for minutes): its 50 s of
    // normal traffic must still be on when the overview opens. Lookout tails the file from the start.
    const v1 = path.join(dir, V1_LOG_FILE);
    fs.writeFileSync(v1, '');
    const config = path.join(dir, 'lookout.yml');
    fs.writeFileSync(
      config,
      `logs:\n  - { name: ccproxy, path: ${v1}, format: ccproxy, start_at: beginning }\n` +
        'provider_health:\n  window: 1m\n',
    );
    lookout = await startLookout({ LOOKOUT_CONFIG: config });
    sim = await startSimulator({
      logDir: dir,
      port: 0,
      ratePerSecond: 5,
      llmDelayScale: 0.5,
      timeline: [
        { name: 'normal', durationMs: NORMAL_MS },
        { name: 'providers_down', durationMs: 3_600_000 },
      ],
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
    page = await context.newPage();
    watchConsole(page, problems);
    await page.goto(`${lookout.url}/login?next=%2Fsettings&reason=admin&theme=light`);
    await page.locator('#token').fill(lookout.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/settings$/, WAIT);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds an llm target in /settings; its key is never shown again', async () => {
    await pickTargetType(page, 'llm');
    expect(await page.locator('#target-method').count()).toBe(0);
    await page.locator('#target-name').fill('llm-groq');
    await page.locator('#target-url').fill(`${sim.url}/v1/messages`);
    await page.locator('#target-model').fill('moonshotai/kimi-k2-instruct');
    await page.locator('#target-provider').fill('groq');
    await page.locator('#target-api_key').fill('sk-e2e-secret-key');
    await page.locator('#target-max_requests_per_day').fill('500');
    await page.locator('#target-interval').fill('2s');
    await page.locator('#target-timeout').fill('2s');
    await screenshot(page, 'settings-llm-form');
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.getByTestId('settings-message').filter({ hasText: 'Added llm-groq.' }).waitFor(WAIT);
    const res = await fetch(`${lookout.url}/api/v1/targets`, { headers: { authorization: `Bearer ${lookout.token}` } });
    const text = await res.text();
    expect(text).not.toContain('sk-e2e-secret');
    const target = (JSON.parse(text) as { data: Record<string, unknown>[] }).data.find((t) => t.name === 'llm-groq');
    expect(target).toMatchObject({ type: 'llm', provider: 'groq', has_api_key: true, max_requests_per_day: 500 });
  });

  it('shows each provider healthy with its synthetic TTFT on the overview, then the outage', async () => {
    await page.goto(`${lookout.url}/?refresh=1s&theme=light`);
    const groq = page.getByTestId('provider-health-strip').locator('[data-provider="groq"]');
    await groq.and(page.locator('[data-state="healthy"]')).waitFor(WAIT);
    await groq
      .getByTestId('synthetic')
      .filter({ hasText: /synthetic up · TTFT \d+ ms/ })
      .waitFor(WAIT);
    await screenshot(page, 'overview-provider-health');
    // The outage: the synthetic check goes down, then the traffic state follows.
    const left = NORMAL_MS - (Date.now() - sim.startedMs);
    await groq
      .getByTestId('synthetic')
      .filter({ hasText: 'synthetic down' })
      .waitFor({ timeout: left + 30_000 });
    await groq.and(page.locator('[data-state="outage"]')).waitFor({ timeout: 90_000 });
    await screenshot(page, 'overview-provider-outage');
  }, 200_000);

  it('shows the strip on the wall too', async () => {
    await page.goto(`${lookout.url}/wall?refresh=2s&token=${lookout.token}`);
    await page
      .getByTestId('wall')
      .getByTestId('provider-health-strip')
      .locator('[data-provider="groq"][data-state="outage"]')
      .waitFor(WAIT);
    await screenshot(page, 'wall-provider-health');
    expect(problems).toEqual([]);
  });
});
