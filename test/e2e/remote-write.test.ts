import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestReceiver } from '../remote-write/receiver';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { freePort, type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

// /system shows each remote write queue: one receiver refusing with 400 (failed, not retried), one down (pending,
// retried), one taking everything (sent).
describe('/system: remote write queues', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];
  const closers: (() => Promise<void> | void)[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-rw-e2e-'));

  beforeAll(async () => {
    const refusing = await startTestReceiver(() => 400);
    const taking = await startTestReceiver(() => 204);
    closers.push(refusing.close, taking.close);
    const down = await freePort();
    const config = path.join(dir, 'lookout.yml');
    fs.writeFileSync(
      config,
      `global: { remote_write_interval: 1s, system_interval: 2s }
remote_write:
  - { url: "${refusing.url}", name: refusing, queue_config: { batch_send_deadline: 100ms } }
  - { url: "http://127.0.0.1:${down}/api/v1/write", name: down, queue_config: { batch_send_deadline: 100ms, max_backoff: 1s } }
  - { url: "${taking.url}", name: taking, queue_config: { batch_send_deadline: 100ms } }
`,
    );
    lookout = await startLookout({ LOOKOUT_CONFIG: config, LOOKOUT_ANONYMOUS_READ: 'true' });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    watchConsole(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
    for (const c of closers) await c();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows pending, sent, failed and the last error per receiver', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`${lookout.url}/system?theme=${theme}`);
      await page.getByRole('heading', { name: 'Remote write' }).waitFor(WAIT);
      const refusing = page.getByTestId('remote-write-refusing');
      await refusing.getByText(/^HTTP 400: out of order sample/).waitFor(WAIT);
      const cells = async (row: string) =>
        (await page.getByTestId(`remote-write-${row}`).locator('td').allTextContents()).map((t) => t.trim());
      await expect.poll(async () => Number((await cells('refusing'))[3].replace(/\D/g, '')), WAIT).toBeGreaterThan(0);
      await page.getByTestId('remote-write-down').getByText('connection refused').waitFor(WAIT);
      await expect.poll(async () => (await cells('down'))[1], WAIT).not.toMatch(/^0\b/);
      await expect.poll(async () => Number((await cells('taking'))[2].replace(/\D/g, '')), WAIT).toBeGreaterThan(0);
      await screenshot(page, `system-remote-write-${theme}`);
    }
    expect(problems).toEqual([]);
  });
});
