import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as reload from '@/app/api/v1/config/reload/route';
import * as health from '@/app/api/v1/health/route';
import * as buckets from '@/app/api/v1/targets/[id]/buckets/route';
import * as checks from '@/app/api/v1/targets/[id]/checks/route';
import * as gauges from '@/app/api/v1/targets/[id]/gauges/route';
import * as incidents from '@/app/api/v1/targets/[id]/incidents/route';
import * as latency from '@/app/api/v1/targets/[id]/latency/route';
import * as target from '@/app/api/v1/targets/[id]/route';
import * as targets from '@/app/api/v1/targets/route';
import * as sparklines from '@/app/api/v1/targets/sparklines/route';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { call, lookoutPerTest } from '../helpers/lookout';

type Body = Record<string, unknown> & {
  data: Record<string, unknown> & Record<string, unknown>[];
  error: { code: string; message: string };
};

const start = lookoutPerTest();

const entry = {
  name: 'ccproxy',
  url: 'http://127.0.0.1:3456/health',
  interval: '30s',
  timeout: '5s',
  conditions: ['[BODY].providers.healthy > 0'],
};

describe('targets API', () => {
  it('answers health without credentials', async () => {
    start();
    const r = await call(health.GET, '/api/v1/health', { token: null });
    expect(r).toEqual({ status: 200, body: { status: 'ok', version: expect.any(String) } });
  });

  it('creates, reads, updates and deletes a target', async () => {
    start();
    const created = await call(targets.POST, '/api/v1/targets', { method: 'POST', body: entry });
    expect(created.status).toBe(201);
    const t = (created.body as Body).data;
    expect(t).toMatchObject({
      name: 'ccproxy',
      url: entry.url,
      interval_s: 30,
      timeout_ms: 5000,
      status: 'pending',
      last_check: null,
      uptime: { '24h': null, '7d': null, '30d': null },
      latency_ms: { p50: null, p95: null },
      conditions: entry.conditions,
    });
    expect(Date.parse(t.since as string)).not.toBeNaN();

    const list = await call(targets.GET, '/api/v1/targets');
    expect((list.body as Body).data).toHaveLength(1);

    const patched = await call(target.PATCH, `/api/v1/targets/${t.id}`, {
      method: 'PATCH',
      id: t.id as number,
      body: { paused: true, interval: '1m' },
    });
    expect(patched.status).toBe(200);
    expect((patched.body as Body).data).toMatchObject({ paused: true, interval_s: 60, status: 'pending' });

    expect(
      (await call(target.DELETE, `/api/v1/targets/${t.id}`, { method: 'DELETE', id: t.id as number })).status,
    ).toBe(204);
    const gone = await call(target.GET, `/api/v1/targets/${t.id}`, { id: t.id as number });
    expect(gone.status).toBe(404);
    expect((gone.body as Body).error.code).toBe('not_found');
  });

  it('names the offending field in validation errors', async () => {
    start();
    const cases: [unknown, string][] = [
      [{ ...entry, url: 'ftp://x' }, 'url'],
      [{ ...entry, url: 'not a url' }, 'url'],
      [{ ...entry, name: '' }, 'name'],
      [{ ...entry, interval: 'soon' }, 'interval'],
      [{ ...entry, conditions: ['[BODY].x >> 1'] }, 'conditions'],
      [{ ...entry, conditions: ['[STATUS] < abc'] }, 'conditions'],
      [{ ...entry, timeout: '1m', interval: '30s' }, 'timeout'],
      [{ ...entry, surprise: 1 }, 'surprise'],
    ];
    for (const [body, field] of cases) {
      const r = await call(targets.POST, '/api/v1/targets', { method: 'POST', body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect((r.body as Body).error.message).toContain(field);
    }
    const notJson = await call(targets.POST, '/api/v1/targets', { method: 'POST', body: '{"name":' });
    expect((notJson.body as Body).error.code).toBe('invalid_json');
    await call(targets.POST, '/api/v1/targets', { method: 'POST', body: entry });
    const dup = await call(targets.POST, '/api/v1/targets', { method: 'POST', body: entry });
    expect(dup.status).toBe(409);
    const badId = await call(target.GET, '/api/v1/targets/abc', { id: 'abc' });
    expect(badId.status).toBe(400);
  });

  it('requires admin rights for changes and read rights for reads', async () => {
    start();
    const anon = await call(targets.POST, '/api/v1/targets', { method: 'POST', body: entry, token: null });
    expect(anon.status).toBe(401);
    expect((anon.body as Body).error.code).toBe('unauthorized');
    expect((await call(targets.GET, '/api/v1/targets', { token: null })).status).toBe(401);
    expect((await call(targets.GET, '/api/v1/targets', { token: 'wrong' })).status).toBe(401);
  });

  it('lets anyone read, but not write, with LOOKOUT_ANONYMOUS_READ', async () => {
    start({ anonymousRead: true });
    expect((await call(targets.GET, '/api/v1/targets', { token: null })).status).toBe(200);
    expect((await call(targets.POST, '/api/v1/targets', { method: 'POST', body: entry, token: null })).status).toBe(
      401,
    );
  });

  it('never returns probe headers or body', async () => {
    start();
    const r = await call(targets.POST, '/api/v1/targets', {
      method: 'POST',
      body: { ...entry, headers: { Authorization: 'Bearer sekrit-123' }, body: 'sekrit-body', method: 'POST' },
    });
    expect(JSON.stringify(r.body)).not.toContain('sekrit');
    expect((r.body as Body).data).toMatchObject({ has_headers: true, has_body: true });
    const list = await call(targets.GET, '/api/v1/targets');
    expect(JSON.stringify(list.body)).not.toContain('sekrit');
  });

  it('serves checks, incidents, latency, buckets and sparklines from recorded checks', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 27, 10, 0, 0));
    const { lookout } = start({ clock });
    const created = await call(targets.POST, '/api/v1/targets', { method: 'POST', body: entry });
    const id = (created.body as Body).data.id as number;
    const writer = new CheckWriter(lookout.db, clock);
    const t0 = clock.now();
    for (let i = 0; i < 20; i++) {
      const up = i < 10 || i >= 15;
      writer.push(id, {
        ts: t0 + i * 30_000,
        up,
        statusCode: 200,
        latencyMs: 100 + i,
        error: up ? null : 'condition failed: [BODY].providers.healthy > 0 (got 0)',
        gauges: { 'providers.healthy': up ? 1 : 0 },
      });
    }
    writer.flush();
    clock.set(t0 + 20 * 30_000);

    const c = await call(checks.GET, `/api/v1/targets/${id}/checks?limit=5`, { id });
    const data = (c.body as Body).data;
    expect(data).toHaveLength(5);
    expect(data[0]).toEqual({
      ts: new Date(t0 + 19 * 30_000).toISOString(),
      up: true,
      status_code: 200,
      latency_ms: 119,
      error: null,
      gauges: { 'providers.healthy': 1 },
    });

    const inc = await call(incidents.GET, `/api/v1/targets/${id}/incidents?from=now-1h`, { id });
    expect((inc.body as Body).data).toEqual([
      {
        start: new Date(t0 + 10 * 30_000).toISOString(),
        end: new Date(t0 + 15 * 30_000).toISOString(),
        duration_s: 150,
        reason: 'condition failed: [BODY].providers.healthy > 0 (got 0)',
        maintenance: false,
      },
    ]);

    const t = await call(target.GET, `/api/v1/targets/${id}`, { id });
    expect((t.body as Body).data).toMatchObject({ status: 'up', uptime: { '24h': 75, '7d': 75, '30d': 75 } });

    const lat = (await call(latency.GET, `/api/v1/targets/${id}/latency?from=now-1h`, { id })).body as {
      step_ms: number;
      series: { key: string; points: [number, number | null][] }[];
    };
    expect(lat.step_ms).toBe(60_000);
    expect(lat.series.map((s) => s.key)).toEqual(['p50', 'p95']);
    expect(lat.series[0].points.filter(([, v]) => v !== null)).toHaveLength(10);

    const b = (await call(buckets.GET, `/api/v1/targets/${id}/buckets?from=now-1h`, { id })).body as {
      data: { checks: number; up: number }[];
    };
    expect(b.data.reduce((n, x) => n + x.checks, 0)).toBe(20);
    expect(b.data.reduce((n, x) => n + x.up, 0)).toBe(15);

    const s = (await call(sparklines.GET, '/api/v1/targets/sparklines?from=now-1h')).body as {
      data: Record<string, unknown[]>;
    };
    expect(s.data[String(id)]).toHaveLength(60);

    const g = (await call(gauges.GET, `/api/v1/targets/${id}/gauges?from=now-1h`, { id })).body as {
      series: { key: string; points: [number, number][] }[];
    };
    expect(g.series.map((x) => x.key)).toEqual(['providers.healthy']);
    expect(g.series[0].points.map(([, v]) => v)).toEqual([
      ...Array(10).fill(1),
      ...Array(5).fill(0),
      ...Array(5).fill(1),
    ]);

    const bad = await call(checks.GET, `/api/v1/targets/${id}/checks?from=yesterday`, { id });
    expect(bad.status).toBe(400);
    expect((bad.body as Body).error.message).toContain('from');
    expect((await call(checks.GET, `/api/v1/targets/${id}/checks?limit=-1`, { id })).status).toBe(400);
    expect((await call(checks.GET, `/api/v1/targets/999/checks`, { id: 999 })).status).toBe(404);
  });
});

describe('provisioning file', () => {
  it('creates provisioned targets at start and applies a reload without losing state', async () => {
    const yml = (extra: string) =>
      `global:\n  scrape_interval: 15s\ntargets:\n  - name: a\n    url: http://127.0.0.1:1/health\n${extra}`;
    const { lookout, dir } = start({
      config: yml('  - name: b\n    url: http://127.0.0.1:2/health\n    interval: 1m\n'),
    });
    let list = (await call(targets.GET, '/api/v1/targets')).body as Body;
    expect(list.data.map((t) => [t.name, t.interval_s, t.provisioned])).toEqual([
      ['a', 15, true],
      ['b', 60, true],
    ]);
    lookout.db.prepare("UPDATE targets SET status = 'up' WHERE name = 'a'").run();
    fs.writeFileSync(path.join(dir, 'lookout.yml'), yml('    timeout: 2s\n'));
    const r = await call(reload.POST, '/api/v1/config/reload', { method: 'POST' });
    expect(r.body).toEqual({ data: { targets: 1, logs: 0, rules: 0 } });
    list = (await call(targets.GET, '/api/v1/targets')).body as Body;
    expect(list.data.map((t) => [t.name, t.status, t.timeout_ms])).toEqual([['a', 'up', 2000]]);

    fs.writeFileSync(path.join(dir, 'lookout.yml'), 'targets: [{ name: a }]');
    const broken = await call(reload.POST, '/api/v1/config/reload', { method: 'POST' });
    expect(broken.status).toBe(400);
    expect((broken.body as Body).error.message).toMatch(/url/);
    expect(((await call(targets.GET, '/api/v1/targets')).body as Body).data).toHaveLength(1);
  });
});
