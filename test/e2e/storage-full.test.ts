import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
const ROOT_USER = process.getuid?.() === 0;
const REQUIRED = process.env.CI === 'true';
if (!ROOT_USER && !REQUIRED)
  console.warn('[storage-full e2e] skipped: mounting a size-limited tmpfs needs root (under CI=true it is required)');

/** Writes until the filesystem refuses, so the disk is full to the last block. */
function fill(file: string): void {
  const fd = fs.openSync(file, 'a');
  try {
    for (const size of [1 << 20, 4096])
      for (;;) {
        try {
          fs.writeSync(fd, Buffer.alloc(size, 7));
        } catch {
          break;
        }
      }
  } finally {
    fs.closeSync(fd);
  }
}

describe.runIf(ROOT_USER || REQUIRED)('the Storage full banner', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-full-e2e-'));
  const filler = path.join(dataDir, 'filler');
  let mounted = false;
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;

  const post = (n: number) =>
    fetch(`${lookout.url}/api/v1/logs?source=app`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/x-ndjson' },
      body: Array.from({ length: 2_000 }, (_, i) =>
        JSON.stringify({ msg: `line ${n}-${i}`, pad: 'z'.repeat(300) }),
      ).join('\n'),
    });

  beforeAll(async () => {
    execFileSync('/usr/bin/mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dataDir]);
    mounted = true;
    lookout = await startLookout({ LOOKOUT_DATA_DIR: dataDir, LOOKOUT_ANONYMOUS_READ: 'true' });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(filler, { force: true });
    if (lookout) await lookout.stop();
    if (mounted) execFileSync('/usr/bin/umount', [dataDir]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows on the overview, /system and the wall while the disk is full, and goes once space is back', async () => {
    await page.goto(`${lookout.url}/?theme=light`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor(WAIT);
    expect(await page.getByTestId('storage-banner').count()).toBe(0);

    fill(filler);
    let status = 0;
    for (let i = 0; i < 40 && status !== 507; i++) {
      const res = await post(i);
      status = res.status;
      if (status === 507) expect(((await res.json()) as { error: { code: string } }).error.code).toBe('storage_full');
      else fill(filler);
    }
    expect(status).toBe(507);
    // Giving back the reserve and truncating the WAL made room; take it too, so the disk stays full.
    const state = async () =>
      ((await (await fetch(`${lookout.url}/api/v1/system`)).json()) as { storage: { state: string } }).storage.state;
    await expect.poll(state, WAIT).toBe('full');
    await new Promise((r) => setTimeout(r, 500));
    fill(filler);

    for (const [url, name] of [
      ['/?theme=light', 'overview'],
      ['/system?theme=dark', 'system'],
      ['/wall?theme=dark', 'wall'],
    ] as const) {
      await page.goto(`${lookout.url}${url}`);
      const banner = page.getByTestId('storage-banner');
      await banner.waitFor(WAIT);
      expect(await banner.textContent()).toMatch(/Storage full.*(SQLITE_FULL|ENOSPC)/);
      await screenshot(page, `storage-full-${name}`);
    }

    expect(await state()).toBe('full');
    fs.rmSync(filler);
    await expect.poll(state, WAIT).toBe('ok');
    await page.goto(`${lookout.url}/?theme=light&refresh=2s`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('storage-banner').count(), WAIT).toBe(0);
    expect((await post(999)).status).toBe(200);
  }, 120_000);
});
