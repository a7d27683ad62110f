import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleProblem, launchBrowser, screenshot, watchConsole } from './browser';
import { type RunningLookout, startLookout } from './lookout-server';

const WAIT = { timeout: 30_000 };

describe('/system: monitoring the monitor', () => {
  let lookout: RunningLookout;
  let browser: Browser;
  let page: Page;
  let sleeper: ChildProcess;
  const problems: ConsoleProblem[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-system-e2e-'));
  const config = path.join(dir, 'lookout.yml');
  const yml = (processes: boolean) =>
    [
      'global: { system_interval: 2s }',
      'logs:',
      `  - { name: app, path: "${path.join(dir, 'app.log')}", format: logfmt }`,
      ...(processes
        ? [
            'processes:',
            '  - { name: sleeper, pid_file: sleeper.pid }',
            '  - { name: ghost, command: no-such-program-xyz }',
          ]
        : []),
    ].join('\n');

  const api = async <T>(p: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${lookout.url}${p}`, {
      ...init,
      headers: { authorization: `Bearer ${lookout.token}`, ...init.headers },
    });
    expect(res.status, p).toBeLessThan(300);
    return (await res.json()) as T;
  };
  type Snapshot = { at: string | null; processes: { name: string; state: string; cpu_cores: number | null }[] };

  beforeAll(async () => {
    sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });
    await new Promise((r) => sleeper.once('spawn', r));
    fs.writeFileSync(path.join(dir, 'sleeper.pid'), String(sleeper.pid));
    fs.writeFileSync(path.join(dir, 'app.log'), 'level=info msg=hello\nlevel=warn msg=careful\n');
    fs.writeFileSync(config, yml(true));
    lookout = await startLookout({ LOOKOUT_CONFIG: config, LOOKOUT_ANONYMOUS_READ: 'true' });
    // Two samples (2 s apart) give the first CPU rate.
    for (let i = 0; ; i++) {
      const snap = await api<Snapshot>('/api/v1/system');
      if (snap.processes.find((p) => p.name === 'sleeper')?.cpu_cores != null) break;
      if (i > 150) throw new Error(`no second system sample within 30 s: ${JSON.stringify(snap)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    watchConsole(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    sleeper?.kill('SIGKILL');
    if (lookout) expect(await lookout.stop()).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows Lookout, the watched processes, the host and the log files with charts', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`${lookout.url}/system?from=now-15m&to=now&theme=${theme}`);
      await page.getByRole('heading', { name: 'System', exact: true }).waitFor(WAIT);
      await expect.poll(() => page.getByTestId('lookout-memory').textContent(), WAIT).toMatch(/\d+(\.\d)? MiB/);
      await page.getByTestId('process-sleeper').locator('[data-state="running"]').waitFor(WAIT);
      await page.getByTestId('process-ghost').getByText('no process named no-such-program-xyz').waitFor(WAIT);
      for (const label of ['Memory', 'Event loop lag', 'Process memory (RSS)', 'CPU busy', 'Log file sizes']) {
        await page.locator(`figure[aria-label="${label}"] svg`).first().waitFor(WAIT);
      }
      await page.getByText(path.join(dir, 'app.log')).waitFor(WAIT);
      await screenshot(page, `system-${theme}`);
    }
    await page.getByRole('link', { name: 'System' }).first().waitFor(WAIT);
  });

  it('puts the watched processes on the overview, and shows a killed one as not running', async () => {
    await page.goto(`${lookout.url}/?theme=light`);
    await page.getByTestId('process-tile').getByText('sleeper').waitFor(WAIT);
    sleeper.kill('SIGKILL');
    await page.goto(`${lookout.url}/system?theme=light`);
    await page.getByTestId('process-sleeper').locator('[data-state="not_running"]').waitFor(WAIT);
    await page.getByTestId('process-sleeper').getByText(`process ${sleeper.pid} is not running`).waitFor(WAIT);
  });

  it('explains an empty processes list after a reload without one', async () => {
    fs.writeFileSync(config, yml(false));
    await api('/api/v1/config/reload', { method: 'POST' });
    await new Promise((r) => setTimeout(r, 2_500));
    await page.goto(`${lookout.url}/system?theme=dark`);
    await page.getByText('No processes configured — add processes: to lookout.yml').waitFor(WAIT);
    await screenshot(page, 'system-no-processes-dark');
  });

  it('serves /metrics with read rights, and logged no console errors', async () => {
    expect((await fetch(`${lookout.url}/metrics`)).status).toBe(200); // anonymous read is on
    const text = await (
      await fetch(`${lookout.url}/metrics`, { headers: { authorization: `Bearer ${lookout.token}` } })
    ).text();
    expect(text).toContain('# TYPE lookout_resident_memory_bytes gauge');
    expect(text).toMatch(/log_file_size_bytes\{job="app",path="[^"]+app\.log"\} \d+/);
    expect(problems).toEqual([]);
  });
});
