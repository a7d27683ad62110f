import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { evaluateInstant, parsePromQL } from '@/lib/rules';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const f of cleanups.splice(0)) await f();
});

function sleeper(program = 'sleep'): Promise<ChildProcess> {
  const child = spawn(program, ['60'], { stdio: 'ignore' });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

const exited = (c: ChildProcess) =>
  new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));

describe('watched processes', () => {
  it('samples a process found by its pid file, then reports it not running once killed', async () => {
    const dir = tempDir();
    const child = await sleeper();
    fs.writeFileSync(path.join(dir, 'sleeper.pid'), `${child.pid}\n`);
    const clock = new FakeClock();
    const h = makeLookout({
      clock,
      config: `processes:\n  - name: sleeper\n    pid_file: ${path.join(dir, 'sleeper.pid')}\n  - name: nofile\n    pid_file: missing.pid\n`,
    });
    cleanups.push(h.close, async () => fs.rmSync(dir, { recursive: true, force: true }));

    const first = h.lookout.system.sampleOnce();
    const sleeper1 = first.processes.find((p) => p.name === 'sleeper')!;
    expect(sleeper1).toMatchObject({ state: 'running', pid: child.pid, reason: null });
    expect(sleeper1.rssBytes).toBeGreaterThan(0);
    expect(sleeper1.openFds).toBeGreaterThanOrEqual(3);
    expect(sleeper1.threads).toBe(1);
    expect(Math.abs(sleeper1.startTimeSeconds! - Date.now() / 1000)).toBeLessThan(60);
    const nofile = first.processes.find((p) => p.name === 'nofile')!;
    expect(nofile).toMatchObject({ state: 'not_running', pid: null });
    expect(nofile.reason).toBe(`no pid file at ${path.join(h.dir, 'missing.pid')}`);

    const src = createSqliteSeriesSource(h.lookout.readDb);
    const at = (expr: string) => evaluateInstant(parsePromQL(expr), src, clock.now());
    expect(at('process_resident_memory_bytes{job="sleeper"} > 0')).toEqual([
      { labels: { __name__: 'process_resident_memory_bytes', job: 'sleeper' }, value: sleeper1.rssBytes },
    ]);
    expect(at('process_up')).toEqual(
      expect.arrayContaining([
        { labels: { __name__: 'process_up', job: 'sleeper' }, value: 1 },
        { labels: { __name__: 'process_up', job: 'nofile' }, value: 0 },
      ]),
    );

    child.kill('SIGKILL');
    await exited(child);
    clock.advance(15_000);
    const second = h.lookout.system.sampleOnce();
    expect(second.processes.find((p) => p.name === 'sleeper')).toMatchObject({
      state: 'not_running',
      reason: `process ${child.pid} is not running`,
      rssBytes: null,
    });
    expect(at('process_up{job="sleeper"}')).toEqual([{ labels: { __name__: 'process_up', job: 'sleeper' }, value: 0 }]);
    // Rules see the history with ranges: it was up within the last minute, and is down now.
    expect(at('max_over_time(process_up{job="sleeper"}[1m])')).toEqual([{ labels: { job: 'sleeper' }, value: 1 }]);
    expect(second.samples.filter((s) => s.labels.job === 'sleeper').map((s) => s.name)).toEqual(['process_up']);
  });

  it('finds a process by command name and ignores others', async () => {
    const dir = tempDir();
    const name = `lk-${process.pid % 100000}-slp`;
    fs.symlinkSync(fs.realpathSync('/bin/sleep'), path.join(dir, name));
    const child = await sleeper(path.join(dir, name));
    const h = makeLookout({
      config: `processes:\n  - name: byname\n    command: ${name}\n  - name: absent\n    command: no-such-program-xyz\n`,
    });
    cleanups.push(h.close, async () => fs.rmSync(dir, { recursive: true, force: true }));
    const tick = h.lookout.system.sampleOnce();
    expect(tick.processes.find((p) => p.name === 'byname')).toMatchObject({ state: 'running', pid: child.pid });
    expect(tick.processes.find((p) => p.name === 'absent')).toMatchObject({
      state: 'not_running',
      reason: 'no process named no-such-program-xyz',
    });
  });

  it('samples the host and Lookout itself on every tick', async () => {
    const h = makeLookout();
    cleanups.push(h.close);
    const tick = h.lookout.system.sampleOnce();
    const names = new Set(tick.samples.map((s) => s.name));
    for (const n of [
      'node_cpu_seconds_total',
      'node_memory_MemAvailable_bytes',
      'node_filesystem_avail_bytes',
      'node_load1',
      'lookout_resident_memory_bytes',
      'lookout_db_size_bytes',
      'lookout_event_loop_lag_p99_seconds',
      'lookout_probe_lateness_seconds',
      'lookout_notifications_total',
    ]) {
      expect(names, n).toContain(n);
    }
    const fsAvail = tick.samples.find((s) => s.name === 'node_filesystem_avail_bytes')!;
    expect(fsAvail.value).toBeGreaterThan(0);
    expect(fsAvail.labels.mountpoint).toMatch(/^\//);
    const value = (name: string) => tick.samples.find((s) => s.name === name)!.value;
    expect(value('lookout_db_size_bytes') + value('lookout_db_wal_size_bytes')).toBeGreaterThan(4096);
    const cpuModes = tick.samples
      .filter((s) => s.name === 'node_cpu_seconds_total' && s.labels.cpu === '0')
      .map((s) => s.labels.mode);
    expect(cpuModes).toEqual(['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal']);
  });

  it('rejects a process entry with neither or both of pid_file and command, and duplicate names', () => {
    expect(() => makeLookout({ config: 'processes:\n  - name: x\n' })).toThrow(/exactly one/);
    expect(() => makeLookout({ config: 'processes:\n  - name: x\n    command: a\n    pid_file: b\n' })).toThrow(
      /exactly one/,
    );
    expect(() =>
      makeLookout({ config: 'processes:\n  - name: x\n    command: a\n  - name: x\n    command: b\n' }),
    ).toThrow(/used twice/);
  });
});
