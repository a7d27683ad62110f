import { afterEach, describe, expect, it } from 'vitest';
import * as target from '@/app/api/v1/targets/[id]/route';
import * as targets from '@/app/api/v1/targets/route';
import { FakeClock } from '@/lib/clock';
import { createHeartbeatProber } from '@/lib/probes/heartbeat-probe';
import type { HeartbeatSpec } from '@/lib/probes/types';
import { hashPingToken } from '@/lib/targets/ping-token';
import { type TargetRow, toScheduled } from '@/lib/targets/target-row';
import { call, lookoutPerTest } from '../helpers/lookout';
import { servePings } from './ping-server';

const start = lookoutPerTest();
const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});
const pingServer = () => servePings(closers);

const T0 = Date.UTC(2026, 10, 27, 10);

async function setup() {
  const clock = new FakeClock(T0);
  const { lookout } = start({ clock });
  const created = await call(targets.POST, '/api/v1/targets', {
    method: 'POST',
    body: { name: 'backup', type: 'heartbeat', period: '1h', grace: '5m' },
  });
  expect(created.status).toBe(201);
  const data = (created.body as { data: Record<string, unknown> }).data;
  const base = await pingServer();
  const row = () => lookout.db.prepare('SELECT * FROM targets WHERE id = ?').get(data.id) as TargetRow;
  const flush = () => clock.advance(300);
  const judge = () => createHeartbeatProber(lookout.db)(toScheduled(row()).spec as HeartbeatSpec, clock);
  return { clock, lookout, data, token: data.ping_token as string, base, row, flush, judge };
}

describe('heartbeat targets', () => {
  it('show the token once on creation and store only its hash', async () => {
    const { data, token, row, lookout } = await setup();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(data).toMatchObject({ type: 'heartbeat', url: 'heartbeat://backup', period_s: 3600, grace_s: 300 });
    expect(row().ping_token_hash).toBe(hashPingToken(token));
    const read = await call(target.GET, `/api/v1/targets/${data.id}`, { id: data.id as number });
    const list = await call(targets.GET, '/api/v1/targets');
    expect(JSON.stringify(read.body) + JSON.stringify(list.body)).not.toContain(token);
    const dump = JSON.stringify(lookout.db.prepare('SELECT * FROM targets').all());
    expect(dump).not.toContain(token);
  });

  it('goes up on a ping and down on /fail, with the log tail as the reason', async () => {
    const { base, token, row, flush, lookout } = await setup();
    const ok = await fetch(`${base}/ping/${token}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('OK');
    flush();
    expect(row().status).toBe('up');
    const log = `${'x'.repeat(20_000)}\nERROR: disk full`;
    expect((await fetch(`${base}/ping/${token}/fail`, { method: 'POST', body: log })).status).toBe(200);
    flush();
    expect(row()).toMatchObject({ status: 'down', last_ping_ok: 0 });
    expect(row().last_ping_body!.length).toBeLessThanOrEqual(10_000);
    const incident = lookout.db.prepare('SELECT reason FROM incidents').get() as { reason: string };
    expect(incident.reason).toMatch(/^ping reported failure: x+ ERROR: disk full$/);
    expect(incident.reason.length).toBeLessThan(260);
  });

  it('reads exit codes: 0 is a success, anything else a failure that names it', async () => {
    const { base, token, row, flush, lookout } = await setup();
    expect((await fetch(`${base}/ping/${token}/3`, { method: 'POST', body: 'rsync failed' })).status).toBe(200);
    flush();
    expect(row().status).toBe('down');
    const reason = (lookout.db.prepare('SELECT reason FROM incidents').get() as { reason: string }).reason;
    expect(reason).toBe('ping reported failure: exit code 3: rsync failed');
    await fetch(`${base}/ping/${token}/0`);
    flush();
    expect(row().status).toBe('up');
  });

  it('times a job from /start to its success ping', async () => {
    const { base, token, clock, flush, lookout, data } = await setup();
    await fetch(`${base}/ping/${token}/start`);
    clock.advance(42_000);
    await fetch(`${base}/ping/${token}`, { method: 'POST' });
    flush();
    const check = lookout.db.prepare('SELECT up, latency_ms FROM checks WHERE target_id = ?').get(data.id);
    expect(check).toEqual({ up: 1, latency_ms: 42_000 });
  });

  it('answers every wrong ping URL with the same 404', async () => {
    const { base, token } = await setup();
    const bodies = new Set<string>();
    for (const path of [
      `/ping/${'a'.repeat(32)}`,
      '/ping/short',
      `/ping/${token}/256`,
      `/ping/${token}/pause`,
      `/ping/${'b'.repeat(32)}/fail`,
    ]) {
      const r = await fetch(base + path, { method: 'POST', body: 'x' });
      expect(r.status, path).toBe(404);
      bodies.add(await r.text());
    }
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).not.toContain(token);
  });

  it('is down when no ping came within period + grace, and waits for the first ping at first', async () => {
    const { clock, base, token, judge } = await setup();
    expect(await judge()).toMatchObject({ skip: true });
    clock.advance(65 * 60_000 + 1);
    expect(await judge()).toMatchObject({ up: false, error: 'no ping received yet (expected every 1h + 5m grace)' });
    await fetch(`${base}/ping/${token}`);
    clock.advance(60 * 60_000);
    expect(await judge()).toMatchObject({ up: true, error: null });
    clock.advance(5 * 60_000 + 1);
    const late = await judge();
    expect(late.up).toBe(false);
    expect(late.error).toBe('no ping for 1h5m (expected every 1h + 5m grace)');
    expect(late.metrics!.probe_heartbeat_last_ping_timestamp_seconds).toBe((T0 + 65 * 60_000 + 1) / 1000);
  });

  it('can be provisioned with a chosen token, which a reload keeps', async () => {
    const clock = new FakeClock(T0);
    const token = 'nightly-backup-token-123';
    const { lookout } = start({
      clock,
      config: `targets:\n  - { name: nightly, type: heartbeat, period: 24h, token: ${token} }\n`,
    });
    const base = await pingServer();
    expect((await fetch(`${base}/ping/${token}`)).status).toBe(200);
    clock.advance(300);
    expect(lookout.db.prepare('SELECT status FROM targets').get()).toEqual({ status: 'up' });
  });
});
