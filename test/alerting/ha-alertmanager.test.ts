import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { hasAlertmanager, startAlertmanager } from '../oracle/alertmanager';
import { startReceiver } from './receiver';

// The HA layout of docs/configuration.md#external-alertmanagers: two Lookouts with the same provisioning file, both
// evaluating and both posting to one Alertmanager, which deduplicates; one of them is then stopped.
const present = hasAlertmanager();
if (!present && process.env.CI === 'true')
  throw new Error('prometheus-alertmanager is required under CI=true (apt-get install prometheus-alertmanager)');
if (!present) console.warn('[ha-alertmanager] skipped: prometheus-alertmanager is not installed');

type Notification = { status: string; alerts: { status: string; labels: Record<string, string> }[] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(present)('two Lookouts, one Alertmanager', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it('notify every alert once while both run, and once after one of them stops', async () => {
    const hook = await startReceiver([{ status: 200 }]);
    closers.push(hook.close);
    const am = await startAlertmanager({
      route: {
        receiver: 'hook',
        group_by: ['alertname'],
        group_wait: '1s',
        group_interval: '1s',
        repeat_interval: '1h',
      },
      receivers: [{ name: 'hook', webhook_configs: [{ url: hook.url, send_resolved: true }] }],
    });
    closers.push(am.stop);
    const dir = tempDir();
    closers.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'alerts.yml'), 'groups: [{ name: g, rules: [{ alert: Down, expr: up == 0 }] }]');
    const config = `global: { evaluation_interval: 10s }
targets: [{ name: api, url: "http://127.0.0.1:9/health", interval: 10s }]
rule_files: ["${path.join(dir, 'alerts.yml')}"]
alerting:
  alertmanagers: [{ static_configs: [{ targets: ["${am.url.slice(7)}"] }] }]
`;
    // Behind real time, so a resolution's endsAt is in Alertmanager's past (as in external-alertmanager.test.ts).
    const t0 = Date.now() - 180_000;
    const replicas = [0, 1].map(() => {
      const clock = new FakeClock(t0);
      const ctx = makeLookout({ clock, config });
      ctx.lookout.alerts.start();
      return { clock, ctx, writer: new CheckWriter(ctx.lookout.db, clock), alive: true };
    });
    closers.push(async () => {
      for (const r of replicas) if (r.alive) await r.ctx.close();
    });
    // Each replica probes the same target and sees it down (or up) at the same moments.
    const round = async (up: boolean) => {
      for (const r of replicas.filter((x) => x.alive)) {
        r.writer.push(1, { ts: r.clock.now(), up, statusCode: up ? 200 : 503, latencyMs: 5, error: null, gauges: {} });
        r.writer.flush();
        r.clock.advance(10_000);
        await r.ctx.lookout.alerts.alertmanagers.flush();
      }
    };
    const notified = () =>
      (hook.bodies.map((b) => b.body) as Notification[]).map((n) => `${n.status}:${n.alerts.length}`);
    const settle = async (count: number) => {
      for (let i = 0; i < 60 && notified().length < count; i++) await sleep(100);
      await sleep(2_500); // longer than group_interval: a duplicate would have arrived by now
    };

    await round(false);
    await round(false);
    expect(replicas.map((r) => r.ctx.lookout.alerts.alertmanagers.stats[0].sent)).toEqual([1, 1]);
    await settle(1);
    expect(notified()).toEqual(['firing:1']);

    // One replica stops; the other keeps resending (every minute) and resolves it alone.
    replicas[0].alive = false;
    await replicas[0].ctx.close();
    for (let i = 0; i < 8; i++) await round(false);
    expect(replicas[1].ctx.lookout.alerts.alertmanagers.stats[0].sent).toBeGreaterThanOrEqual(2);
    await settle(1);
    expect(notified()).toEqual(['firing:1']);
    await round(true);
    await settle(2);
    expect(notified()).toEqual(['firing:1', 'resolved:1']);
  }, 60_000);
});
