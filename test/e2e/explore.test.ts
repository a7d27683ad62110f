import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type HealthTarget, startHealthTarget } from './health-target';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };
const run = promisify(execFile);

describe('/explore and the Prometheus query API of a running Lookout', () => {
  let lookout: RunningLookout;
  let target: HealthTarget;
  let browser: Browser;
  let page: Page;
  const problems: ConsoleProblem[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-explore-e2e-'));

  beforeAll(async () => {
    target = await startHealthTarget();
    const config = path.join(dir, 'lookout.yml');
    fs.writeFileSync(config, `targets:\n  - { name: ccproxy, url: "${target.url}", interval: 1s }\n`);
    // Read-only without signing in (LOOKOUT_ANONYMOUS_READ), as promtool 2.42 sends no credentials.
    lookout = await startLookout({ LOOKOUT_CONFIG: config, LOOKOUT_ANONYMOUS_READ: 'true' });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    watchConsole(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    if (lookout) expect(await lookout.stop()).toBe(0);
    await target?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers Grafana's health check and queries with a read token at /prometheus", async () => {
    const secured = await startLookout({ LOOKOUT_CONFIG: path.join(dir, 'lookout.yml') });
    try {
      await grafanaChecks(secured);
    } finally {
      expect(await secured.stop()).toBe(0);
    }
  });

  async function grafanaChecks(lookout: RunningLookout) {
    const created = await fetch(`${lookout.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lookout.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'grafana', scope: 'read' }),
    });
    const { data } = (await created.json()) as { data: { token: string } };
    const headers = { authorization: `Bearer ${data.token}` };
    const health = await fetch(`${lookout.url}/prometheus/api/v1/query?query=1%2B1&time=${Date.now() / 1000}`, {
      headers,
    });
    expect(health.status).toBe(200);
    expect(((await health.json()) as { data: { result: [number, string] } }).data.result[1]).toBe('2');
    const refused = await fetch(`${lookout.url}/prometheus/api/v1/query?query=up`);
    expect(refused.status).toBe(401);
    await expect
      .poll(async () => {
        const res = await fetch(`${lookout.url}/prometheus/api/v1/query`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'query=up',
        });
        return ((await res.json()) as { data: { result: { metric: { job: string }; value: [number, string] }[] } }).data
          .result;
      }, WAIT)
      .toEqual([{ metric: expect.objectContaining({ job: 'ccproxy' }), value: [expect.any(Number), '1'] }]);
  }

  it('draws a typed expression as a graph and a table', async () => {
    await page.goto(`${lookout.url}/explore?theme=light`);
    await page.getByRole('heading', { name: 'Explore', exact: true }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Explore' }).first().waitFor(WAIT);
    await page.getByRole('link', { name: '15m' }).first().click();
    await page.getByLabel('Expression (PromQL)').fill('up{job="ccproxy"}');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByTestId('explore-table').getByText('ccproxy').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('explore-value').first().textContent(), WAIT).toBe('1');
    // A constant series is a flat line, a path with no height, which Playwright counts as hidden: attached is enough.
    await page
      .locator('figure[aria-label="Expression over time"] svg path.recharts-line-curve')
      .first()
      .waitFor({ ...WAIT, state: 'attached' });
    expect(new URL(page.url()).searchParams.get('q')).toBe('up{job="ccproxy"}');
    await screenshot(page, 'explore');
    await page.getByLabel('Expression (PromQL)').fill('sum(up');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect
      .poll(() => page.getByTestId('explore-error').textContent(), WAIT)
      .toMatch(/^invalid parameter "query"/);
    expect(problems.filter((p) => !/400 \(Bad Request\)/.test(p.text))).toEqual([]);
  });

  it('is a Prometheus server for promtool', async () => {
    await expect
      .poll(async () => (await run('promtool', ['query', 'instant', `${lookout.url}/prometheus`, 'up'])).stdout, WAIT)
      .toMatch(/^up\{instance="127\.0\.0\.1:\d+", job="ccproxy"\} => 1 @\[/);
  });
});
