import { afterEach, describe, expect, it } from 'vitest';
import { type AlertingState, createAlerting } from '@/lib/alerting';
import { FakeClock } from '@/lib/clock';
import { fingerprint, type GroupStateJSON, InMemorySeriesSource, parseRuleFile, RuleGroup } from '@/lib/rules';
import { CCPROXY_RULES } from '../rules/ccproxy-fixture';
import { startReceiver } from './receiver';

const T0 = Date.UTC(2026, 0, 1);
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

/** Lookout's loop in miniature: evaluate every 15 s, hand due alerts to the dispatcher, persist both. */
function system(
  url: string,
  clock: FakeClock,
  src: InMemorySeriesSource,
  saved?: { rules: GroupStateJSON; alerting: AlertingState },
) {
  const [def] = parseRuleFile(CCPROXY_RULES, 'alerts.yml', 15_000);
  const group = RuleGroup.fromJSON(
    def,
    { source: src, generatorURL: () => 'http://lookout:3000/alerts' },
    saved?.rules,
  );
  const alerting = createAlerting(
    {
      route: {
        receiver: 'web.hook',
        group_by: ['alertname'],
        group_wait: '10s',
        group_interval: '10s',
        repeat_interval: '1h',
      },
      receivers: [{ name: 'web.hook', webhook_configs: [{ url }] }],
    },
    {
      clock,
      externalURL: 'http://lookout:3000',
      retry: { baseDelayMs: 10, maxDelayMs: 50, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    },
    saved?.alerting ?? null,
  );
  return {
    async runFor(seconds: number, up: number) {
      for (let i = 0; i < seconds; i++) {
        const now = clock.now();
        if ((now - T0) % 30_000 === 0) src.push({ __name__: 'up', job: 'ccproxy', instance: 'h:3456' }, now, up);
        if ((now - T0) % 15_000 === 0) alerting.dispatcher.put(group.evaluateGroup(now).toSend);
        clock.advance(1000);
        await alerting.dispatcher.idle();
      }
    },
    save: () =>
      JSON.parse(JSON.stringify({ rules: group.toJSON(), alerting: alerting.toJSON() })) as {
        rules: GroupStateJSON;
        alerting: AlertingState;
      },
    stop: () => alerting.dispatcher.stop(),
    alerting,
  };
}

type Body = {
  status: string;
  groupKey: string;
  version: string;
  alerts: { status: string; labels: Record<string, string>; fingerprint: string; endsAt: string }[];
};

describe('rules → dispatcher → real webhook', () => {
  it('CCProxyDown fires once (after a failed first delivery), survives restarts, then resolves', async () => {
    const rx = await startReceiver([{ status: 503 }, { status: 200 }]);
    closers.push(rx.close);
    const clock = new FakeClock(T0);
    const src = new InMemorySeriesSource();
    let s = system(rx.url, clock, src);
    await s.runFor(120, 1);
    expect(rx.bodies).toHaveLength(0);
    await s.runFor(50, 0); // down; pending, not notified
    expect(rx.bodies).toHaveLength(0);
    const pending = s.save();
    s.stop();
    s = system(rx.url, clock, src, pending); // restart while pending
    await s.runFor(60, 0);
    const deliveries = rx.bodies.map((b) => b.body as Body);
    expect(deliveries.length).toBe(2); // 503, then the retry that succeeded
    const body = deliveries[1];
    expect(body).toMatchObject({ status: 'firing', version: '4', groupKey: '{}:{alertname="CCProxyDown"}' });
    const labels = { alertname: 'CCProxyDown', instance: 'h:3456', job: 'ccproxy', severity: 'critical' };
    expect(body.alerts).toEqual([
      expect.objectContaining({
        status: 'firing',
        labels,
        fingerprint: fingerprint(labels),
        endsAt: '0001-01-01T00:00:00Z',
      }),
    ]);
    expect(rx.bodies[0].at).toBeLessThanOrEqual(rx.bodies[1].at);
    const firing = s.save();
    s.stop();
    s = system(rx.url, clock, src, firing); // restart while firing
    await s.runFor(300, 0);
    expect(rx.bodies).toHaveLength(2); // no re-notification
    await s.runFor(60, 1);
    const last = rx.bodies[rx.bodies.length - 1].body as Body;
    expect(rx.bodies).toHaveLength(3);
    expect(last.status).toBe('resolved');
    expect(s.alerting.nflog.listRecords().map((r) => [r.status, r.ok, r.attempts])).toEqual([
      ['resolved', true, 1],
      ['firing', true, 2],
    ]);
    s.stop();
  });
});
