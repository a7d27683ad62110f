import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium; Playwright gives every launch a fresh temporary profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
}

export interface ConsoleProblem {
  page: string;
  text: string;
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchConsole(page: Page, sink: ConsoleProblem[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error')
      sink.push({ page: page.url(), text: `${msg.text()} ${msg.location().url ?? ''}`.trim() });
  });
  page.on('pageerror', (err) => sink.push({ page: page.url(), text: `uncaught: ${err.message}` }));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // A full-page shot of a scrolled page paints the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Picks a target type in /settings once React has taken the form over: a choice made before hydration is reset to the
 * server-rendered `http`, so it is made again until the HTTP-only method field has gone.
 */
export async function pickTargetType(page: Page, type: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await page.locator('#target-type').selectOption(type);
    if ((await page.locator('#target-method').count()) === 0) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the /settings form did not switch to ${type} targets`);
}
