import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as windows from '@/app/api/v1/maintenance/route';
import * as notifications from '@/app/api/v1/notifications/route';
import * as incidents from '@/app/api/v1/targets/[id]/incidents/route';
import * as target from '@/app/api/v1/targets/[id]/route';
import * as targets from '@/app/api/v1/targets/route';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { startReceiver } from '../alerting/receiver';
import { call, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';

const T0 = Date.UTC(2026, 11, 5, 22, 0, 0);
const S = 1_000;
const iso = (ms: number) => new Date(ms).toISOString();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function lookoutWithHook() {
  const rx = await startReceiver([{ status: 200 }]);
  cleanup.push(rx.close);
  const dir = tempDir('lookout-maint-rules-');
  cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(
    path.join(dir, 'alerts.yml'),
    'groups: [{ name: probes, rules: [{ alert: TargetDown, expr: "up == 0", for: 30s }] }]',
  );
  const config = [
    'targets:',
    '  - { name: api, url: "http://127.0.0.1:9/health", interval: 10s }',
    '  - { name: db, url: "http://127.0.0.1:9/db", interval: 10s }',
    `rule_files: [${path.join(dir, 'alerts.yml')}]`,
    'alerting:',
    '  route: { receiver: hook, group_by: [alertname, job], group_wait: 10s, group_interval: 30s, repeat_interval: 4h }',
    `  receivers: [{ name: hook, webhook_configs: [{ url: "${rx.url}" }] }]`,
  ].join('\n');
  const clock = new FakeClock(T0);
  const ctx = makeLookout({ clock, config });
  cleanup.push(ctx.close);
  return { ctx, clock, rx, writer: new CheckWriter(ctx.lookout.db, clock) };
}

describe('a maintenance window in a running Lookout', () => {
  it('leaves its outage out of uptime, marks the incident, mutes the alert, and notifies once it ends', async () => {
    const { ctx, clock, rx, writer } = await lookoutWithHook();
    const made = await call(windows.POST, '/api/v1/maintenance', {
      method: 'POST',
      body: {
        name: 'db upgrade',
        targets: ['api'],
        starts_at: iso(T0 + 60 * S),
        ends_at: iso(T0 + 600 * S),
        reason: 'v2',
      },
    });
    expect(made.status).toBe(201);
    expect((made.body as { data: { state: string } }).data.state).toBe('upcoming');

    ctx.lookout.alerts.start();
    const dispatcher = ctx.lookout.alerts.alerting!.dispatcher;
    const delivered: { at: number; jobs: string[] }[] = [];
    // api fails from +120 s to the end (+720 s); db fails from +120 s to +300 s and is not in the window.
    for (let t = T0; t < T0 + 720 * S; t += S) {
      if ((t - T0) % (10 * S) === 0) {
        const apiUp = t < T0 + 120 * S;
        const dbUp = t < T0 + 120 * S || t >= T0 + 300 * S;
        writer.push(1, {
          ts: t,
          up: apiUp,
          statusCode: apiUp ? 200 : 503,
          latencyMs: 5,
          error: apiUp ? null : 'HTTP 503',
          gauges: {},
        });
        writer.push(2, {
          ts: t,
          up: dbUp,
          statusCode: dbUp ? 200 : 503,
          latencyMs: 5,
          error: dbUp ? null : 'HTTP 503',
          gauges: {},
        });
        writer.flush();
      }
      const before = rx.bodies.length;
      clock.advance(S);
      await dispatcher.idle();
      for (const b of rx.bodies.slice(before)) {
        const body = b.body as { status: string; alerts: { labels: Record<string, string> }[] };
        if (body.status === 'firing')
          delivered.push({ at: clock.now() - T0, jobs: body.alerts.map((a) => a.labels.job) });
      }
    }

    // db's alert went out at once; api's only after the window ended at +600 s (its group's next flush).
    expect(delivered.filter((d) => d.jobs.includes('db')).length).toBe(1);
    const api = delivered.filter((d) => d.jobs.includes('api'));
    expect(api).toHaveLength(1);
    expect(api[0].at).toBeGreaterThanOrEqual(600 * S);
    expect(api[0].at).toBeLessThanOrEqual(630 * S);

    const log = (await call(notifications.GET, '/api/v1/notifications')).body as {
      data: { receiver: string; integration: string; muted_by: string | null; at: string }[];
    };
    const muted = log.data.filter((n) => n.muted_by !== null);
    expect(muted.map((n) => [n.receiver, n.integration, n.muted_by])).toEqual([['hook', 'maintenance', 'db upgrade']]);
    expect(Date.parse(muted[0].at)).toBeLessThan(T0 + 600 * S);

    // 72 checks of api: 54 in the window (6 up), 18 outside (6 up) → 6/18 without, 12/72 with them.
    const one = (await call(target.GET, '/api/v1/targets/1', { id: 1 })).body as {
      data: { uptime: { '24h': number } };
    };
    expect(one.data.uptime['24h']).toBe(33.3333);
    const all = (await call(target.GET, '/api/v1/targets/1?include_maintenance=true', { id: 1 })).body as {
      data: { uptime: { '24h': number; '7d': number } };
    };
    expect(all.data.uptime['24h']).toBe(16.6667);
    expect(all.data.uptime['7d']).toBe(16.6667);
    const list = (await call(targets.GET, '/api/v1/targets')).body as {
      data: { name: string; uptime: { '30d': number } }[];
    };
    expect(list.data.map((t) => [t.name, t.uptime['30d']])).toEqual([
      ['api', 33.3333],
      ['db', 75],
    ]);

    const inc = (await call(incidents.GET, '/api/v1/targets/1/incidents?from=now-1h', { id: 1 })).body as {
      data: { start: string; maintenance: boolean }[];
    };
    expect(inc.data.map((i) => [i.start, i.maintenance])).toEqual([[iso(T0 + 120 * S), true]]);
    const dbInc = (await call(incidents.GET, '/api/v1/targets/2/incidents?from=now-1h', { id: 2 })).body as {
      data: { maintenance: boolean }[];
    };
    expect(dbInc.data.map((i) => i.maintenance)).toEqual([false]);
  });

  it('a bad include_maintenance is a 400 naming it', async () => {
    await lookoutWithHook();
    const r = await call(targets.GET, '/api/v1/targets?include_maintenance=yes');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('include_maintenance');
  });
});
