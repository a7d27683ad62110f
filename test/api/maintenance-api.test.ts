import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as reload from '@/app/api/v1/config/reload/route';
import * as one from '@/app/api/v1/maintenance/[id]/route';
import * as list from '@/app/api/v1/maintenance/route';
import { FakeClock } from '@/lib/clock';
import { pruneOnce } from '@/lib/engine/retention';
import { call, lookoutPerTest } from '../helpers/lookout';

type Err = { error: { code: string; issues?: { path: string; message: string }[] } };
type Window = {
  id: number;
  name: string;
  targets: string[] | 'all';
  starts_at: string | null;
  ends_at: string | null;
  time_intervals: Record<string, unknown>[] | null;
  reason: string;
  provisioned: boolean;
  state: string;
  active: boolean;
};

const start = lookoutPerTest();
const T0 = Date.UTC(2026, 11, 5, 12, 0, 0);
const TARGETS = [
  'targets:',
  '  - { name: api, url: "http://127.0.0.1:9/health" }',
  '  - { name: db, url: "http://127.0.0.1:9/db" }',
].join('\n');
const PROVISIONED = `${TARGETS}
maintenance_windows:
  - name: nightly backup
    targets: [db]
    time_intervals: [{ times: [{ start_time: "02:00", end_time: "03:00" }], location: Europe/Paris }]
    reason: pg_dump
`;

describe('/api/v1/maintenance', () => {
  it('plans, lists by state, replaces and deletes a window, naming the field it refuses', async () => {
    const { clock } = start({ clock: new FakeClock(T0), config: TARGETS });
    const body = { name: 'deploy', targets: ['api'], starts_at: '2026-12-05T13:00:00Z', duration: '30m', reason: 'v2' };
    const made = await call(list.POST, '/api/v1/maintenance', { method: 'POST', body });
    expect(made.status).toBe(201);
    const w = (made.body as { data: Window }).data;
    expect(w).toMatchObject({
      name: 'deploy',
      targets: ['api'],
      starts_at: '2026-12-05T13:00:00.000Z',
      ends_at: '2026-12-05T13:30:00.000Z',
      time_intervals: null,
      reason: 'v2',
      provisioned: false,
      state: 'upcoming',
      active: false,
    });

    expect((await call(list.POST, '/api/v1/maintenance', { method: 'POST', body })).status).toBe(409);
    const unknown = await call(list.POST, '/api/v1/maintenance', {
      method: 'POST',
      body: { ...body, name: 'x', targets: ['api', 'nope'] },
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as Err).error.code).toBe('unknown_target');
    const bad = await call(list.POST, '/api/v1/maintenance', {
      method: 'POST',
      body: { name: 'y', targets: 'all', starts_at: 'soon', time_intervals: [{ weekdays: ['funday'] }] },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Err).error.issues?.map((i) => i.path).sort()).toEqual([
      'starts_at',
      'time_intervals.0.weekdays',
    ]);

    (clock as FakeClock).advance(3_600_000 + 60_000);
    const active = (await call(list.GET, '/api/v1/maintenance?state=active')).body as { data: Window[] };
    expect(active.data.map((x) => [x.name, x.active])).toEqual([['deploy', true]]);
    expect(((await call(list.GET, '/api/v1/maintenance?state=past')).body as { data: Window[] }).data).toEqual([]);
    expect((await call(list.GET, '/api/v1/maintenance?state=soon')).status).toBe(400);

    const put = await call(one.PUT, '/api/v1/maintenance/deploy', {
      method: 'PUT',
      id: 'deploy',
      body: { name: 'weekly', targets: 'all', time_intervals: [{ weekdays: ['sunday'] }] },
    });
    expect(put.status).toBe(200);
    expect((put.body as { data: Window }).data).toMatchObject({
      id: w.id,
      targets: 'all',
      starts_at: null,
      ends_at: null,
      time_intervals: [{ weekdays: ['sunday'] }],
      state: 'scheduled', // 5 December 2026 is a Saturday
    });
    const byId = await call(one.GET, `/api/v1/maintenance/${w.id}`, { id: w.id });
    expect((byId.body as { data: Window }).data.name).toBe('weekly');
    expect((await call(one.DELETE, '/api/v1/maintenance/weekly', { method: 'DELETE', id: 'weekly' })).status).toBe(204);
    expect((await call(one.GET, `/api/v1/maintenance/${w.id}`, { id: w.id })).status).toBe(404);
  });

  it('needs admin to change and read rights to read', async () => {
    start({ config: TARGETS });
    const body = { name: 'a', targets: 'all', starts_at: 0, duration: '1h' };
    expect((await call(list.POST, '/api/v1/maintenance', { method: 'POST', body, token: null })).status).toBe(401);
    expect((await call(list.GET, '/api/v1/maintenance', { token: null })).status).toBe(401);
  });

  it('provisions maintenance_windows: read-only, kept in sync on reload', async () => {
    const ctx = start({ clock: new FakeClock(T0), config: PROVISIONED });
    const got = ((await call(list.GET, '/api/v1/maintenance')).body as { data: Window[] }).data;
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ name: 'nightly backup', targets: ['db'], provisioned: true, state: 'scheduled' });
    const del = await call(one.DELETE, `/api/v1/maintenance/${got[0].id}`, { method: 'DELETE', id: got[0].id });
    expect(del.status).toBe(409);
    expect((del.body as Err).error.code).toBe('maintenance_provisioned');

    const file = ctx.lookout.env.configFile as string;
    fs.writeFileSync(file, PROVISIONED.replace('pg_dump', 'pg_dumpall'));
    expect((await call(reload.POST, '/api/v1/config/reload', { method: 'POST' })).status).toBe(200);
    const changed = ((await call(list.GET, '/api/v1/maintenance')).body as { data: Window[] }).data;
    expect(changed.map((x) => [x.id, x.reason])).toEqual([[got[0].id, 'pg_dumpall']]);

    fs.writeFileSync(file, TARGETS);
    expect((await call(reload.POST, '/api/v1/config/reload', { method: 'POST' })).status).toBe(200);
    expect(((await call(list.GET, '/api/v1/maintenance')).body as { data: Window[] }).data).toEqual([]);
  });

  it('retention drops ended windows made here after retention.rollups, never provisioned ones', async () => {
    const ctx = start({ clock: new FakeClock(T0), config: PROVISIONED });
    const body = { name: 'old', targets: 'all', starts_at: T0 - 500 * 86_400_000, duration: '1h' };
    expect((await call(list.POST, '/api/v1/maintenance', { method: 'POST', body })).status).toBe(201);
    const recent = { ...body, name: 'recent', starts_at: T0 - 86_400_000 };
    expect((await call(list.POST, '/api/v1/maintenance', { method: 'POST', body: recent })).status).toBe(201);
    const deleted = await pruneOnce(ctx.lookout.db, T0, ctx.lookout.settings);
    expect(deleted.maintenance_windows).toBe(1);
    const left = ((await call(list.GET, '/api/v1/maintenance')).body as { data: Window[] }).data;
    expect(left.map((w) => w.name).sort()).toEqual(['nightly backup', 'recent']);
  });
});
