import { afterEach, describe, expect, it } from 'vitest';
import { createAlerting } from '@/lib/alerting';
import { FakeClock } from '@/lib/clock';
import type { PostableAlert } from '@/lib/rules';
import { hasAlertmanager, startAlertmanager } from '../oracle/alertmanager';
import { requireLiveOracle } from '../oracle/amtool';
import { startReceiver } from './receiver';

const live = requireLiveOracle('prometheus-alertmanager', hasAlertmanager());
const EXTERNAL = 'http://lookout.example:3000';
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

const config = (url: string) => ({
  route: {
    receiver: 'team.web+hook',
    group_by: ['alertname'],
    group_wait: '3s',
    group_interval: '1h',
    repeat_interval: '4h',
    routes: [{ receiver: 'truncated (max 2)', matchers: ['alertname="Trunc"'], group_by: ['alertname', 'job'] }],
  },
  receivers: [
    { name: 'team.web+hook', webhook_configs: [{ url }] },
    { name: 'truncated (max 2)', webhook_configs: [{ url, max_alerts: 2 }] },
  ],
});

function alerts(base: number): PostableAlert[] {
  const gen = `${EXTERNAL}/alerts?rule=Lat&expr=up+%3D%3D+0`;
  const firing = (
    labels: Record<string, string>,
    annotations: Record<string, string>,
    startOffset = -500,
  ): PostableAlert => ({
    labels,
    annotations,
    startsAt: base + startOffset,
    endsAt: base + 3_600_000,
    generatorURL: gen,
  });
  const resolved = (labels: Record<string, string>, annotations: Record<string, string>): PostableAlert => ({
    ...firing(labels, annotations, -1_250),
    endsAt: base - 200,
  });
  return [
    firing({ alertname: 'Lat', job: 'api', instance: 'h2', city: 'Zürich 東京' }, { summary: 'slow', runbook: 'r1' }),
    firing({ alertname: 'Lat', job: 'api', instance: 'h1' }, { summary: 'slow', runbook: 'r2' }, -250),
    resolved({ alertname: 'Lat', job: 'api', instance: 'h3', severity: 'page' }, { summary: 'slow' }),
    resolved({ alertname: 'Trunc', job: 'x', instance: 'a', team: 'db' }, { summary: 'same', only: 'a' }),
    resolved({ alertname: 'Trunc', job: 'x', instance: 'b', team: 'db' }, { summary: 'same' }),
    firing({ alertname: 'Trunc', job: 'x', instance: 'c', team: 'ops' }, { summary: 'other' }),
  ];
}

const iso = (ms: number) => new Date(ms).toISOString();
type Body = { groupKey: string };
const byKey = (bodies: { body: unknown }[]) =>
  bodies.map((b) => b.body as Body).sort((a, b) => (a.groupKey < b.groupKey ? -1 : 1));

describe.runIf(live)('webhook payload equals Alertmanager 0.25 field for field', () => {
  it('same alerts and config: same bodies (receiver quoting, groupKey, max_alerts, truncatedAlerts, common labels)', async () => {
    const amRx = await startReceiver([{ status: 200 }]);
    const ourRx = await startReceiver([{ status: 200 }]);
    closers.push(amRx.close, ourRx.close);
    const base = Date.now();
    const list = alerts(base);

    const am = await startAlertmanager(config(amRx.url), EXTERNAL);
    closers.push(am.stop);
    await am.post(
      list.map((a) => ({
        labels: a.labels,
        annotations: a.annotations,
        startsAt: iso(a.startsAt),
        endsAt: iso(a.endsAt),
        generatorURL: a.generatorURL,
      })),
    );

    const clock = new FakeClock(base);
    const ours = createAlerting(config(ourRx.url), { clock, externalURL: EXTERNAL });
    ours.dispatcher.put(list);
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      await ours.dispatcher.idle();
    }
    ours.dispatcher.stop();

    for (let waited = 0; amRx.bodies.length < 2 && waited < 15_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    expect(amRx.bodies).toHaveLength(2);
    if (process.env.SHOW_BODIES) console.log(JSON.stringify(byKey(amRx.bodies), null, 1));
    expect(byKey(ourRx.bodies)).toEqual(byKey(amRx.bodies));
    const trunc = byKey(amRx.bodies).find((b) => b.groupKey.includes('Trunc')) as unknown as Record<string, unknown>;
    expect(trunc).toMatchObject({ receiver: 'truncated \\(max 2\\)', status: 'resolved', truncatedAlerts: 1 });
  }, 30_000);
});

describe.runIf(live)('Slack message equals Alertmanager 0.25 (default templates)', () => {
  it('same alerts, same incoming-webhook body', async () => {
    const amRx = await startReceiver([{ status: 200 }]);
    const ourRx = await startReceiver([{ status: 200 }]);
    closers.push(amRx.close, ourRx.close);
    const slack = (url: string) => ({
      route: { receiver: 'chat.ops', group_by: ['alertname'], group_wait: '3s', group_interval: '1h' },
      receivers: [{ name: 'chat.ops', slack_configs: [{ api_url: url, channel: '#alerts', send_resolved: true }] }],
    });
    const base = Date.now();
    const list = alerts(base).slice(0, 3);
    const am = await startAlertmanager(slack(amRx.url), EXTERNAL);
    closers.push(am.stop);
    await am.post(
      list.map((a) => ({
        labels: a.labels,
        annotations: a.annotations,
        startsAt: iso(a.startsAt),
        endsAt: iso(a.endsAt),
        generatorURL: a.generatorURL,
      })),
    );
    const clock = new FakeClock(base);
    const ours = createAlerting(slack(ourRx.url), { clock, externalURL: EXTERNAL });
    ours.dispatcher.put(list);
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      await ours.dispatcher.idle();
    }
    ours.dispatcher.stop();
    for (let waited = 0; amRx.bodies.length < 1 && waited < 15_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    expect(ourRx.bodies.map((b) => b.body)).toEqual(amRx.bodies.map((b) => b.body));
  }, 30_000);
});
