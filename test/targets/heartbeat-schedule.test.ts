import { afterEach, describe, expect, it } from 'vitest';
import * as target from '@/app/api/v1/targets/[id]/route';
import * as targets from '@/app/api/v1/targets/route';
import { FakeClock } from '@/lib/clock';
import { createHeartbeatProber } from '@/lib/probes/heartbeat-probe';
import type { HeartbeatSpec } from '@/lib/probes/types';
import { type TargetRow, toScheduled } from '@/lib/targets/target-row';
import { call, lookoutPerTest } from '../helpers/lookout';
import { servePings } from './ping-server';

const start = lookoutPerTest();
const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

type Body = { data: Record<string, unknown>; error: { message: string; issues: { path: string; message: string }[] } };

/** A heartbeat on a cron schedule, pinged over real HTTP and judged at the fake clock's time. */
async function setup(t0: number, fields: Record<string, unknown>) {
  const clock = new FakeClock(t0);
  const { lookout } = start({ clock });
  const created = await call(targets.POST, '/api/v1/targets', {
    method: 'POST',
    body: { name: 'backup', type: 'heartbeat', ...fields },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const data = (created.body as Body).data;
  const base = await servePings(closers);
  const row = () => lookout.db.prepare('SELECT * FROM targets WHERE id = ?').get(data.id) as TargetRow;
  /** The check the scheduler would make at `at` (epoch ms). */
  const judgeAt = (at: number) => {
    clock.advance(at - clock.now());
    return createHeartbeatProber(lookout.db)(toScheduled(row()).spec as HeartbeatSpec, clock);
  };
  return { clock, data, token: data.ping_token as string, base, row, judgeAt };
}

describe('heartbeat targets on a cron schedule', () => {
  it('wait for the first scheduled run + grace, go down when its ping is late, up when it comes', async () => {
    // Fri 27 Nov 2026 11:00 in Berlin (CET, UTC+1); the job runs at 03:00 local with 30 minutes' grace.
    const t0 = Date.UTC(2026, 10, 27, 10);
    const { data, row, judgeAt, base, token, clock } = await setup(t0, {
      schedule: '0 3 * * *',
      timezone: 'Europe/Berlin',
      grace: '30m',
    });
    expect(data).toMatchObject({ schedule: '0 3 * * *', timezone: 'Europe/Berlin', grace_s: 1800 });
    expect(data).not.toHaveProperty('period_s');
    // 03:30 local, the first run's grace ends: no verdict before, down after.
    expect(await judgeAt(Date.UTC(2026, 10, 28, 2, 30))).toMatchObject({ skip: true });
    expect(await judgeAt(Date.UTC(2026, 10, 28, 2, 30, 1))).toMatchObject({
      up: false,
      error: 'no ping received yet (schedule 0 3 * * * in Europe/Berlin + 30m grace)',
    });
    expect((await fetch(`${base}/ping/${token}`)).status).toBe(200);
    clock.advance(300);
    expect(row().status).toBe('up');
    // The next run is due Sun 29 Nov 03:00 local; up until 03:30, down after.
    expect(await judgeAt(Date.UTC(2026, 10, 29, 2, 30))).toMatchObject({ up: true, error: null });
    expect((await judgeAt(Date.UTC(2026, 10, 29, 2, 30, 1))).error).toBe(
      'no ping for the run due 2026-11-29 03:00 Europe/Berlin (last ping 1d ago; schedule 0 3 * * * in Europe/Berlin + 30m grace)',
    );
  });

  it('expects a run skipped by the spring-forward change at 03:00 summer time, as cron runs it', async () => {
    // Berlin, Sun 28 Mar 2027: 02:00 CET becomes 03:00 CEST, so "30 2 * * *" runs at 01:00 UTC.
    const { judgeAt, base, token } = await setup(Date.UTC(2027, 2, 27, 1, 40), {
      schedule: '30 2 * * *',
      timezone: 'Europe/Berlin',
      grace: '10m',
    });
    expect((await fetch(`${base}/ping/${token}`)).status).toBe(200);
    expect(await judgeAt(Date.UTC(2027, 2, 28, 1, 10))).toMatchObject({ up: true });
    expect((await judgeAt(Date.UTC(2027, 2, 28, 1, 10, 1))).error).toMatch(
      /^no ping for the run due 2027-03-28 03:00 Europe\/Berlin /,
    );
  });

  it('refuses bad schedules and time zones with a reason under the field', async () => {
    start({ clock: new FakeClock(Date.UTC(2026, 10, 27)) });
    const post = (body: Record<string, unknown>) =>
      call(targets.POST, '/api/v1/targets', { method: 'POST', body: { name: 'hb', type: 'heartbeat', ...body } });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ schedule: '0 25 * * *' }, 'schedule', 'hour field "25": 25 is not between 0 and 23'],
      [
        { schedule: '0 3 * *' },
        'schedule',
        'a cron expression has 5 fields (minute hour day-of-month month day-of-week), not 4',
      ],
      [
        { schedule: '0 0 30 2 *' },
        'schedule',
        'day-of-month field "30": no chosen month has that day, so it never runs',
      ],
      [
        { schedule: '@daily', timezone: 'Europe/Berln' },
        'timezone',
        '"Europe/Berln" is not an IANA time zone name such as Europe/Berlin or UTC',
      ],
      [{ schedule: '@daily', period: '1h' }, 'schedule', 'give either period or schedule, not both'],
      [{ period: '1h', timezone: 'UTC' }, 'timezone', 'timezone applies to a schedule, not a period'],
      [{}, 'period', 'period is required, e.g. 1h, or a schedule (a cron expression such as 0 3 * * *)'],
    ];
    for (const [body, path, message] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body as Body).error.issues).toContainEqual(expect.objectContaining({ path, message }));
    }
    const tcp = await call(targets.POST, '/api/v1/targets', {
      method: 'POST',
      body: { name: 'x', type: 'tcp', url: 'tcp://127.0.0.1:1', schedule: '@daily' },
    });
    expect((tcp.body as Body).error.issues).toContainEqual({
      path: 'schedule',
      message: 'schedule applies to heartbeat targets, not tcp',
    });
  });

  it('switches between a period and a schedule by PATCH', async () => {
    start({ clock: new FakeClock(Date.UTC(2026, 10, 27)) });
    const created = await call(targets.POST, '/api/v1/targets', {
      method: 'POST',
      body: { name: 'hb', type: 'heartbeat', period: '1h' },
    });
    const id = (created.body as Body).data.id as number;
    const patch = (body: Record<string, unknown>) =>
      call(target.PATCH, `/api/v1/targets/${id}`, { method: 'PATCH', id, body });
    const toCron = await patch({ schedule: '*/15 9-17 * * mon-fri', timezone: 'America/New_York' });
    expect(toCron.status, JSON.stringify(toCron.body)).toBe(200);
    expect((toCron.body as Body).data).toMatchObject({
      schedule: '*/15 9-17 * * mon-fri',
      timezone: 'America/New_York',
    });
    expect((toCron.body as Body).data).not.toHaveProperty('period_s');
    const back = await patch({ period: '2h' });
    expect((back.body as Body).data).toMatchObject({ period_s: 7200 });
    expect((back.body as Body).data).not.toHaveProperty('schedule');
    expect((back.body as Body).data).not.toHaveProperty('timezone');
    const bad = await patch({ schedule: 'every day' });
    expect(bad.status).toBe(400);
    expect((bad.body as Body).error.issues[0]).toMatchObject({ path: 'schedule' });
  });

  it('can be provisioned with a schedule, and the file is checked like the API', async () => {
    const { lookout } = start({
      clock: new FakeClock(Date.UTC(2026, 10, 27)),
      config: 'targets:\n  - { name: nightly, type: heartbeat, schedule: "@daily", timezone: Asia/Tokyo, grace: 1h }\n',
    });
    const row = lookout.db.prepare('SELECT options FROM targets').get() as { options: string };
    expect(JSON.parse(row.options)).toEqual({ schedule: '@daily', timezone: 'Asia/Tokyo', grace: 3_600_000 });
  });
});
