import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as snapshot from '@/app/api/v1/system/route';
import * as series from '@/app/api/v1/system/series/route';
import { FakeClock } from '@/lib/clock';
import { SampleStore } from '@/lib/system/sample-store';
import { call, makeLookout } from '../helpers/lookout';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

type Series = { step_ms: number; unit: string; series: { key: string; points: [number, number][] }[] };
type Err = { error: { code: string; message: string } };
const T0 = Date.UTC(2026, 0, 1, 12);

describe('GET /api/v1/system and /api/v1/system/series', () => {
  it('answers the latest snapshot with rates from the two latest samples', async () => {
    const clock = new FakeClock(T0);
    const h = makeLookout({
      clock,
      config: 'processes:\n  - name: me\n    pid_file: me.pid\n  - name: gone\n    command: no-such-program-xyz\n',
    });
    close = h.close;
    fs.writeFileSync(path.join(h.dir, 'me.pid'), String(process.pid));
    const empty = (await call(snapshot.GET, '/api/v1/system')).body as {
      at: string | null;
      configured_processes: number;
    };
    expect(empty).toMatchObject({ at: null, configured_processes: 2 });
    h.lookout.system.sampleOnce();
    clock.advance(15_000);
    h.lookout.system.sampleOnce();
    const res = await call(snapshot.GET, '/api/v1/system');
    expect(res.status).toBe(200);
    const body = res.body as {
      at: string;
      interval_s: number;
      lookout: { rss_bytes: number; db_bytes: number; cpu_cores: number | null; disk_free_bytes: number };
      processes: {
        name: string;
        state: string;
        reason: string | null;
        pid: number | null;
        rss_bytes: number | null;
        cpu_cores: number | null;
      }[];
      host: { cpu_busy_ratio: number | null; memory_total_bytes: number; filesystem: { avail_bytes: number } };
    };
    expect(body.at).toBe(new Date(T0 + 15_000).toISOString());
    expect(body.interval_s).toBe(15);
    expect(body.lookout.rss_bytes).toBeGreaterThan(1e7);
    expect(body.lookout.cpu_cores).toBeGreaterThanOrEqual(0);
    expect(body.processes).toEqual([
      expect.objectContaining({ name: 'me', state: 'running', pid: process.pid, reason: null }),
      expect.objectContaining({
        name: 'gone',
        state: 'not_running',
        pid: null,
        reason: 'no process named no-such-program-xyz',
        rss_bytes: null,
        cpu_cores: null,
      }),
    ]);
    expect(body.processes[0].rss_bytes).toBeGreaterThan(1e7);
    expect(body.host.memory_total_bytes).toBeGreaterThan(0);
    expect(body.host.filesystem.avail_bytes).toBeGreaterThan(0);
  });

  it('draws counters as per-second rates across a restart and gauges as step averages', async () => {
    const clock = new FakeClock(T0);
    const h = makeLookout({ clock });
    close = h.close;
    const store = new SampleStore(h.lookout.db);
    const values = [0, 30, 60, 10, 40];
    values.forEach((v, i) =>
      store.write(T0 - 60_000 + i * 15_000, [
        { name: 'process_cpu_seconds_total', labels: { job: 'ccproxy' }, value: v },
        { name: 'process_resident_memory_bytes', labels: { job: 'ccproxy' }, value: 1000 * (i + 1) },
      ]),
    );
    const q = `from=${T0 - 60_000}&to=${T0}&step=15s`;
    const cpu = (await call(series.GET, `/api/v1/system/series?chart=process_cpu&${q}`)).body as Series;
    expect(cpu, JSON.stringify(cpu)).toHaveProperty('unit', 'cores');
    expect(cpu.series).toEqual([
      {
        key: 'ccproxy',
        points: [
          [T0 - 45_000, 2],
          [T0 - 30_000, 2],
          [T0 - 15_000, 10 / 15],
          [T0, 2],
        ],
      },
    ]);
    const mem = (
      await call(series.GET, `/api/v1/system/series?chart=process_memory&from=${T0 - 60_000}&to=${T0}&step=30s`)
    ).body as Series;
    expect(mem.step_ms).toBe(30_000);
    expect(mem.series[0].points).toEqual([
      [T0 - 60_000, 1500],
      [T0 - 30_000, 3500],
      [T0, 5000],
    ]);
  });

  it('combines host CPU modes into a busy ratio and memory into used bytes', async () => {
    const clock = new FakeClock(T0);
    const h = makeLookout({ clock });
    close = h.close;
    const store = new SampleStore(h.lookout.db);
    for (let i = 0; i < 3; i++) {
      store.write(T0 - 30_000 + i * 15_000, [
        { name: 'node_cpu_seconds_total', labels: { cpu: '0', mode: 'user' }, value: 3 * i },
        { name: 'node_cpu_seconds_total', labels: { cpu: '0', mode: 'idle' }, value: 12 * i },
        { name: 'node_cpu_seconds_total', labels: { cpu: '1', mode: 'system' }, value: 6 * i },
        { name: 'node_cpu_seconds_total', labels: { cpu: '1', mode: 'idle' }, value: 9 * i },
        { name: 'node_memory_MemTotal_bytes', labels: {}, value: 1000 },
        { name: 'node_memory_MemAvailable_bytes', labels: {}, value: 400 },
      ]);
    }
    const cpu = (await call(series.GET, `/api/v1/system/series?chart=host_cpu&from=${T0 - 30_000}&to=${T0}&step=15s`))
      .body as Series;
    expect(cpu.series.map((s) => s.key)).toEqual(['busy']);
    expect(cpu.series[0].points.map(([t]) => t)).toEqual([T0 - 15_000, T0]);
    for (const [, v] of cpu.series[0].points) expect(v).toBeCloseTo(0.3, 10);
    const mem = (
      await call(series.GET, `/api/v1/system/series?chart=host_memory&from=${T0 - 30_000}&to=${T0}&step=15s`)
    ).body as Series;
    expect(mem.series.map((s) => [s.key, s.points[0][1]])).toEqual([
      ['total', 1000],
      ['used', 600],
    ]);
  });

  it('answers bad parameters with a 400 naming them, and needs read rights', async () => {
    close = makeLookout().close;
    const bad = async (q: string) =>
      (await call(series.GET, `/api/v1/system/series?${q}`)) as { status: number; body: Err };
    for (const [q, name] of [
      ['chart=nope', 'chart'],
      ['', 'chart'],
      ['chart=host_cpu&from=garbage', 'from'],
      ['chart=host_cpu&step=0', 'step'],
      ['chart=host_cpu&from=now&to=now-1h', 'from'],
    ]) {
      const r = await bad(q);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('invalid_parameter');
      expect(r.body.error.message.startsWith(`${name}:`), r.body.error.message).toBe(true);
    }
    expect((await call(snapshot.GET, '/api/v1/system', { token: null })).status).toBe(401);
    expect((await call(series.GET, '/api/v1/system/series?chart=host_cpu', { token: null })).status).toBe(401);
  });
});
