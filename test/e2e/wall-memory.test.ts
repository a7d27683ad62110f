import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, watchConsole } from './browser';
import { ccproxyLines, ingest } from './ccproxy-lines';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
const REFRESH_MS = 2 * 60_000;
const HOURS = 24;

interface Memory {
  heapMb: number;
  nodes: number;
  listeners: number;
}

/**
 * A wall tab stays open for days (docs/operations.md): a simulated day of refreshes under the browser's
 * fake clock must not grow its heap, DOM or listeners. Each refresh hits the real server.
 */
describe('/wall left open for a day', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  const problems: ConsoleProblem[] = [];
  const pending = new Set<unknown>();

  beforeAll(async () => {
    lookout = await startLookout();
    expect((await ingest(lookout.url, lookout.token, 'ccproxy', ccproxyLines(Date.now()))).rejected).toBe(0);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    watchConsole(page, problems);
    page.on('request', (r) => pending.add(r));
    page.on('requestfinished', (r) => pending.delete(r));
    page.on('requestfailed', (r) => pending.delete(r));
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
  });

  afterAll(async () => {
    await browser?.close();
    if (lookout) await lookout.stop();
  });

  /** Waits (in real time, at most 5 s) until the requests a refresh started have their answers. */
  async function settle(): Promise<void> {
    const deadline = Date.now() + 5_000;
    for (let quiet = 0; quiet < 3 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 15));
      quiet = pending.size === 0 ? quiet + 1 : 0;
    }
  }

  async function memory(): Promise<Memory> {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { heapMb: get('JSHeapUsedSize') / 1048576, nodes: get('Nodes'), listeners: get('JSEventListeners') };
  }

  it('keeps heap, DOM nodes and listeners flat over a day of 2-minute refreshes', async () => {
    await page.clock.install();
    await page.goto(`${lookout.url}/wall?token=${lookout.token}&refresh=2m&from=now-1h&to=now`);
    await page.getByTestId('wall').locator('figure svg').nth(3).waitFor(WAIT);
    const hourly: Memory[] = [];
    let refreshes = 0;
    for (let hour = 0; hour < HOURS; hour++) {
      for (let m = 0; m < 3_600_000 / REFRESH_MS; m++) {
        const before = pending.size;
        // Jumps fire each due timer once (the ticking clock, each SWR refresh), as after every refresh interval.
        await page.clock.fastForward(REFRESH_MS);
        if (pending.size > before) refreshes++;
        await settle();
      }
      hourly.push(await memory());
      if (process.env.WALL_MEMORY_DEBUG) console.log(`hour ${hour + 1}`, hourly.at(-1), `${refreshes} refreshes`);
    }
    // The first hour warms caches and JIT; after it nothing may keep growing.
    const base = hourly[1];
    const last = hourly.at(-1) as Memory;
    const peak = hourly.slice(1).reduce((a, b) => ({
      heapMb: Math.max(a.heapMb, b.heapMb),
      nodes: Math.max(a.nodes, b.nodes),
      listeners: Math.max(a.listeners, b.listeners),
    }));
    const summary = { refreshes, base, last, peak };
    expect(refreshes, JSON.stringify(summary)).toBeGreaterThanOrEqual(HOURS * 27);
    expect(last.heapMb, JSON.stringify(summary)).toBeLessThan(base.heapMb * 1.2 + 1);
    expect(last.nodes, JSON.stringify(summary)).toBeLessThanOrEqual(base.nodes * 1.05 + 20);
    expect(last.listeners, JSON.stringify(summary)).toBeLessThanOrEqual(base.listeners + 10);
    await page.getByTestId('wall').locator('figure svg').nth(3).waitFor(WAIT);
    expect(problems).toEqual([]);
  }, 600_000);
});
