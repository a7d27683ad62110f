import { describe, expect, it } from 'vitest';
import { createAlerting, type Integration } from '@/lib/alerting';
import type { MaintenanceLookup } from '@/lib/alerting/maintenance-hold';
import { FakeClock } from '@/lib/clock';

const T0 = Date.UTC(2026, 0, 1);
const S = 1_000;
const CONFIG = {
  route: { receiver: 'team', group_by: ['job'], group_wait: '10s', group_interval: '30s', repeat_interval: '1h' },
  receivers: [{ name: 'team', webhook_configs: [{ url: 'http://127.0.0.1:1/hook' }] }],
};
const alert = (labels: Record<string, string>, endsAtS: number) => ({
  labels,
  annotations: {},
  startsAt: T0,
  endsAt: T0 + endsAtS * S,
  generatorURL: 'http://lookout/alerts',
});

describe('alerts held by a maintenance window', () => {
  it('are dropped like silenced ones, logged once per change, and sent after the window if still firing', async () => {
    const clock = new FakeClock(T0);
    const sent: { at: number; jobs: string[]; names: string[] }[] = [];
    const integration: Integration = {
      id: 'webhook[0]',
      sendResolved: true,
      notify: async (ctx, alerts) => {
        sent.push({
          at: (ctx.now - T0) / S,
          jobs: [...new Set(alerts.map((a) => a.labels.job))],
          names: alerts.map((a) => a.labels.alertname),
        });
        return { ok: true, attempts: 1, status: 200, error: null };
      },
    };
    // "deploy" covers the api target for the first 100 s.
    const maintenance: MaintenanceLookup = (now) =>
      now < T0 + 100 * S ? (labels) => (labels.job === 'api' ? 'deploy' : null) : null;
    const am = createAlerting(CONFIG, {
      clock,
      externalURL: 'http://lookout',
      integrations: () => [integration],
      maintenance,
    });
    am.dispatcher.put([
      alert({ alertname: 'Down', job: 'api' }, 3_600),
      alert({ alertname: 'Slow', job: 'api' }, 50), // resolves inside the window
      alert({ alertname: 'Down', job: 'db' }, 3_600),
    ]);
    while (clock.now() < T0 + 200 * S) {
      clock.advance(S);
      await am.dispatcher.idle();
    }
    expect(sent).toEqual([
      { at: 10, jobs: ['db'], names: ['Down'] },
      { at: 100, jobs: ['api'], names: ['Down'] },
    ]);
    const records = am.nflog.listRecords().reverse();
    expect(records.map((r) => [(r.at - T0) / S, r.integration, r.alerts, r.mutedBy ?? null])).toEqual([
      [10, 'maintenance', 2, 'deploy'], // the two groups flush at the same instant: api's first
      [10, 'webhook[0]', 1, null],
      [100, 'webhook[0]', 1, null],
    ]);
    // Held alerts stay listed, as silenced ones do.
    expect(
      am.dispatcher
        .listAlerts()
        .filter((a) => a.labels.job === 'api')
        .map((a) => [a.labels.alertname, a.status]),
    ).toEqual([
      ['Down', 'firing'],
      ['Slow', 'resolved'],
    ]);
  });
});
