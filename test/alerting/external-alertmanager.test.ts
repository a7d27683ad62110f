import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as metricsRoute } from '@/app/metrics/route';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { ADMIN, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { hasAlertmanager, type RunningAlertmanager, startAlertmanager } from '../oracle/alertmanager';
import { startReceiver } from './receiver';

// Lookout's rule engine posts to a real Alertmanager as Prometheus's notifier does (docs/configuration.md#external-alertmanagers),
// beside its own routing; a plain HTTP server stands in for a second Alertmanager behind a path prefix and a token.
const present = hasAlertmanager();
if (!present && process.env.CI === 'true')
  throw new Error('prometheus-alertmanager is required under CI=true (apt-get install prometheus-alertmanager)');
if (!present)
  console.warn(
    '[external-alertmanager] skipped: prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)',
  );

type AmAlert = {
  labels: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  status: { state: string };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(present)('alerting.alertmanagers', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
  });

  it('posts firing alerts, resends them every resend delay, and posts the resolution, alongside the built-in routing', async () => {
    const hook = await startReceiver([{ status: 200 }]);
    closers.push(hook.close);
    const am: RunningAlertmanager = await startAlertmanager({
      route: { receiver: 'hook', group_wait: '1s', group_interval: '1s', repeat_interval: '1h' },
      receivers: [{ name: 'hook', webhook_configs: [{ url: hook.url, send_resolved: true }] }],
    });
    closers.push(am.stop);
    const second = await startReceiver([{ status: 200 }]);
    closers.push(second.close);
    const builtIn = await startReceiver([{ status: 200 }]);
    closers.push(builtIn.close);

    const dir = tempDir();
    closers.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(
      path.join(dir, 'alerts.yml'),
      'groups: [{ name: g, rules: [{ alert: Down, expr: up == 0, labels: { severity: page } }] }]',
    );
    fs.writeFileSync(path.join(dir, 'am-token'), 'sekret\n');
    const secondUrl = new URL(second.url);
    // Two minutes behind real time, so the fake minutes below stay in Alertmanager's past: a resolution it gets
    // (endsAt = when the rule resolved) then reads as over.
    const clock = new FakeClock(Date.now() - 120_000);
    const ctx = makeLookout({
      clock,
      config: `global: { evaluation_interval: 10s }
targets: [{ name: api, url: "http://127.0.0.1:9/health", interval: 10s }]
rule_files: ["${path.join(dir, 'alerts.yml')}"]
alerting:
  alertmanagers:
    - static_configs: [{ targets: ["${am.url.slice(7)}"] }]
    - static_configs: [{ targets: ["${secondUrl.host}"] }]
      path_prefix: /team-am/
      timeout: 2s
      authorization: { credentials_file: "${path.join(dir, 'am-token')}" }
  route: { receiver: own, group_wait: 0s }
  receivers: [{ name: own, webhook_configs: [{ url: "${builtIn.url}" }] }]
`,
    });
    closers.push(ctx.close);
    // Without the probe scheduler (checks are written by hand), the rule loop is started by hand.
    ctx.lookout.alerts.start();
    const writer = new CheckWriter(ctx.lookout.db, clock);
    const check = (up: boolean) => {
      writer.push(1, { ts: clock.now(), up, statusCode: up ? 200 : 503, latencyMs: 5, error: null, gauges: {} });
      writer.flush();
    };
    const sender = () => ctx.lookout.alerts.alertmanagers;
    const step = async (ms: number) => {
      clock.advance(ms);
      await sender().flush();
    };

    check(false);
    // The rule loop's first evaluation is at once; the next ones on the 10 s grid.
    const firedAt = clock.now();
    await step(10_000);
    expect(sender().stats.map((s) => [s.sent, s.errors])).toEqual([
      [1, 0],
      [1, 0],
    ]);

    // The real Alertmanager holds it with Prometheus's fields, and notifies its own receiver.
    let alerts: AmAlert[] = [];
    for (let i = 0; i < 50 && alerts.length === 0; i++) {
      alerts = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as AmAlert[];
      if (!alerts.length) await sleep(100);
    }
    expect(alerts).toHaveLength(1);
    expect(alerts[0].labels).toEqual({ alertname: 'Down', severity: 'page', job: 'api', instance: '127.0.0.1:9' });
    expect(alerts[0].status.state).toBe('active');
    expect(alerts[0].generatorURL).toMatch(/^http:\/\/127\.0\.0\.1:3000\//);
    // endsAt = the send + 4 × max(evaluation interval, resend delay of 1 m), as Prometheus sets it.
    expect(Date.parse(alerts[0].endsAt) - firedAt).toBe(4 * 60_000);

    // The stand-in got the same batch behind its path prefix, with the token from the file.
    const posted = second.bodies[0];
    expect(posted.path).toBe('/team-am/api/v2/alerts');
    expect(posted.headers.authorization).toBe('Bearer sekret');
    expect(posted.body).toEqual([
      {
        labels: alerts[0].labels,
        annotations: {},
        startsAt: new Date(firedAt).toISOString(),
        endsAt: new Date(firedAt + 240_000).toISOString(),
        generatorURL: alerts[0].generatorURL,
      },
    ]);

    // Firing on: no resend before the resend delay (1 m), then again.
    for (let i = 0; i < 5; i++) {
      check(false);
      await step(10_000);
    }
    expect(second.bodies).toHaveLength(1);
    check(false);
    await step(10_000);
    check(false);
    await step(10_000);
    expect(second.bodies).toHaveLength(2);

    // Recovery: one post with endsAt = when it resolved, and Alertmanager resolves it.
    check(true);
    await step(10_000);
    expect(second.bodies).toHaveLength(3);
    const resolved = (second.bodies[2].body as { endsAt: string }[])[0];
    expect(Date.parse(resolved.endsAt)).toBeLessThanOrEqual(clock.now());
    expect(Date.parse(resolved.endsAt)).toBeGreaterThan(clock.now() - 20_000);
    for (let i = 0; i < 50; i++) {
      const states = (hook.bodies as { body: { status: string } }[]).map((b) => b.body.status);
      if (states.includes('resolved')) break;
      await sleep(100);
    }
    expect((hook.bodies as { body: { status: string } }[]).map((b) => b.body.status)).toEqual(['firing', 'resolved']);
    // /metrics counts the posts per Alertmanager, as Prometheus's notifier does.
    const metrics = await (
      await metricsRoute(new Request('http://127.0.0.1/metrics', { headers: { authorization: `Bearer ${ADMIN}` } }))
    ).text();
    expect(metrics).toContain(`lookout_alertmanager_alerts_sent_total{alertmanager="${am.url}/api/v2/alerts"} 3`);
    expect(metrics).toContain(`lookout_alertmanager_alerts_errors_total{alertmanager="${am.url}/api/v2/alerts"} 0`);
    // The built-in routing notified its own receiver all the same.
    expect(builtIn.bodies.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('an external Alertmanager that refuses or is down', () => {
  it('counts the failures per Alertmanager and keeps sending to the others', async () => {
    const refusing = await startReceiver([{ status: 400, body: 'bad alert' }]);
    const fine = await startReceiver([{ status: 200 }]);
    const clock = new FakeClock(Date.now() - 60_000);
    const ctx = makeLookout({
      clock,
      config: `global: { evaluation_interval: 10s }
alerting:
  alertmanagers:
    - static_configs: [{ targets: ["${new URL(refusing.url).host}", "127.0.0.1:1", "${new URL(fine.url).host}"] }]
`,
    });
    try {
      ctx.lookout.alerts.alertmanagers.send([
        {
          labels: { alertname: 'Down' },
          annotations: {},
          startsAt: clock.now(),
          endsAt: clock.now() + 1,
          generatorURL: 'x',
        },
      ]);
      await ctx.lookout.alerts.alertmanagers.flush();
      expect(ctx.lookout.alerts.alertmanagers.stats.map((s) => [s.sent, s.errors, s.lastError])).toEqual([
        [0, 1, 'HTTP 400'],
        [0, 1, 'connection refused'],
        [1, 0, null],
      ]);
      expect(ctx.lookout.alerts.alerting).toBeNull();
      expect(refusing.bodies).toHaveLength(1);
    } finally {
      await ctx.close();
      await refusing.close();
      await fine.close();
    }
  });
});
