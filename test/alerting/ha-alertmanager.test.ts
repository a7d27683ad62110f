import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { freePort, hasAlertmanager, type RunningAlertmanager, startAlertmanager } from '../oracle/alertmanager';
import { startReceiver } from './receiver';

// The HA layout of docs/configuration.md#external-alertmanagers: two Lookouts with the same provisioning file, both
// evaluating and both posting to every Alertmanager — one, or a clustered pair whose members share their notification
// log by gossip — which deduplicate; one Lookout is then stopped.
const present = hasAlertmanager();
if (!present && process.env.CI === 'true')
  throw new Error('prometheus-alertmanager is required under CI=true (apt-get install prometheus-alertmanager)');
if (!present) console.warn('[ha-alertmanager] skipped: prometheus-alertmanager is not installed');

type Notification = { status: string; alerts: { status: string; labels: Record<string, string> }[] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const amConfig = (hookUrl: string) => ({
  route: { receiver: 'hook', group_by: ['alertname'], group_wait: '1s', group_interval: '1s', repeat_interval: '1h' },
  receivers: [{ name: 'hook', webhook_configs: [{ url: hookUrl, send_resolved: true }] }],
});

/** Two Alertmanagers gossiping as one cluster; resolves once each lists the other as a peer. */
async function startCluster(hookUrl: string): Promise<RunningAlertmanager[]> {
  const [a, b] = [`127.0.0.1:${await freePort()}`, `127.0.0.1:${await freePort()}`];
  const first = await startAlertmanager(amConfig(hookUrl), undefined, { listen: a, peers: [b] });
  const second = await startAlertmanager(amConfig(hookUrl), undefined, { listen: b, peers: [a] });
  const ams = [first, second];
  for (let i = 0; i < 100; i++) {
    const peers = await Promise.all(
      ams.map(async (am) => {
        const status = (await (await fetch(`${am.url}/api/v2/status`)).json()) as { cluster: { peers: unknown[] } };
        return status.cluster.peers.length;
      }),
    );
    if (peers.every((n) => n === 2)) return ams;
    await sleep(100);
  }
  await Promise.all(ams.map((am) => am.stop()));
  throw new Error('the two Alertmanagers did not join one cluster');
}

describe.runIf(present).each([
  { layout: 'one Alertmanager', clustered: false },
  { layout: 'a clustered pair of Alertmanagers', clustered: true },
])('two Lookouts, $layout', ({ clustered }) => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it('notify every alert once while both run, and once after one of them stops', async () => {
    const hook = await startReceiver([{ status: 200 }]);
    closers.push(hook.close);
    const ams = clustered ? await startCluster(hook.url) : [await startAlertmanager(amConfig(hook.url))];
    for (const am of ams) closers.push(am.stop);
    const dir = tempDir();
    closers.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'alerts.yml'), 'groups: [{ name: g, rules: [{ alert: Down, expr: up == 0 }] }]');
    const config = `global: { evaluation_interval: 10s }
targets: [{ name: api, url: "http://127.0.0.1:9/health", interval: 10s }]
rule_files: ["${path.join(dir, 'alerts.yml')}"]
alerting:
  alertmanagers: [{ static_configs: [{ targets: [${ams.map((am) => `"${am.url.slice(7)}"`).join(', ')}] }] }]
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
      // Longer than group_interval (and, in a cluster, than the second member's peer-timeout wait): a duplicate would
      // have arrived by now.
      await sleep(clustered ? 5_000 : 2_500);
    };

    await round(false);
    await round(false);
    // Every Lookout posts to every Alertmanager, as Prometheus does; each member of a cluster holds the alert.
    for (const r of replicas)
      expect(r.ctx.lookout.alerts.alertmanagers.stats.map((s) => s.sent)).toEqual(ams.map(() => 1));
    await settle(1);
    expect(notified()).toEqual(['firing:1']);

    // One replica stops; the other keeps resending (every minute) and resolves it alone.
    replicas[0].alive = false;
    await replicas[0].ctx.close();
    for (let i = 0; i < 8; i++) await round(false);
    for (const s of replicas[1].ctx.lookout.alerts.alertmanagers.stats) expect(s.sent).toBeGreaterThanOrEqual(2);
    await settle(1);
    expect(notified()).toEqual(['firing:1']);
    await round(true);
    await settle(2);
    expect(notified()).toEqual(['firing:1', 'resolved:1']);
  }, 90_000);
});
