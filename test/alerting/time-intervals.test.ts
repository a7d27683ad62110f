import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAlerting, parseAlertmanagerConfig } from '@/lib/alerting';
import { containsTime, timeIntervalSchema } from '@/lib/alerting/time-intervals';
import { FakeClock } from '@/lib/clock';
import { alert, harness, T0 } from './harness';

const ti = (yaml: string) => timeIntervalSchema.parse(parse(yaml));
const at = (iso: string) => Date.parse(iso);

describe('time intervals (Alertmanager timeinterval)', () => {
  it('times are [start, end) in minutes of the day; 24:00 ends the day', () => {
    const t = ti('times: [{ start_time: "09:00", end_time: "17:00" }, { start_time: "23:00", end_time: "24:00" }]');
    expect(containsTime(t, at('2026-01-05T08:59:00Z'))).toBe(false);
    expect(containsTime(t, at('2026-01-05T09:00:00Z'))).toBe(true);
    expect(containsTime(t, at('2026-01-05T16:59:59Z'))).toBe(true);
    expect(containsTime(t, at('2026-01-05T17:00:00Z'))).toBe(false);
    expect(containsTime(t, at('2026-01-05T23:59:00Z'))).toBe(true);
  });

  it('weekdays, months (names or numbers) and years are inclusive ranges', () => {
    const t = ti('{ weekdays: ["monday:friday"], months: ["january:march", "12"], years: ["2026"] }');
    expect(containsTime(t, at('2026-01-05T12:00:00Z'))).toBe(true); // Monday
    expect(containsTime(t, at('2026-01-04T12:00:00Z'))).toBe(false); // Sunday
    expect(containsTime(t, at('2026-04-06T12:00:00Z'))).toBe(false); // April
    expect(containsTime(t, at('2026-12-07T12:00:00Z'))).toBe(true);
    expect(containsTime(t, at('2027-01-04T12:00:00Z'))).toBe(false);
  });

  it('negative days of month count from the end of the month', () => {
    const t = ti('days_of_month: ["-3:-1"]');
    expect(containsTime(t, at('2026-02-26T00:00:00Z'))).toBe(true);
    expect(containsTime(t, at('2026-02-25T00:00:00Z'))).toBe(false);
    expect(containsTime(t, at('2026-01-29T00:00:00Z'))).toBe(true);
    expect(containsTime(t, at('2026-01-28T00:00:00Z'))).toBe(false);
  });

  it('location moves the wall clock', () => {
    const t = ti('{ times: [{ start_time: "09:00", end_time: "10:00" }], location: "America/New_York" }');
    expect(containsTime(t, at('2026-01-05T14:30:00Z'))).toBe(true);
    expect(containsTime(t, at('2026-01-05T09:30:00Z'))).toBe(false);
  });
});

const MUTED = `
route:
  receiver: team
  group_wait: 10s
  group_interval: 30s
  routes:
    - receiver: team
      matchers: ['mode="mute"']
      mute_time_intervals: [first-minute]
    - receiver: team
      matchers: ['mode="active"']
      active_time_intervals: [first-minute]
time_intervals:
  - name: first-minute
    time_intervals: [{ times: [{ start_time: "00:00", end_time: "00:01" }] }]
receivers:
  - name: team
    webhook_configs: [{ url: "http://127.0.0.1:1/hook" }]
`;

describe('mute_time_intervals and active_time_intervals', () => {
  it('nothing is sent while muted; the alert is still held; notifications resume afterwards', async () => {
    const h = harness(MUTED);
    h.put(alert({ alertname: 'A', mode: 'mute' }, 0, 3600), alert({ alertname: 'B', mode: 'active' }, 0, 3600));
    await h.runTo(50);
    expect(h.sent.map((s) => [s.at, s.alerts])).toEqual([[10, ['B,mode=active']]]);
    expect(
      h.am.dispatcher
        .listAlerts()
        .map((a) => a.labels.alertname)
        .sort(),
    ).toEqual(['A', 'B']);
    await h.runTo(100);
    expect(h.sent.map((s) => [s.at, s.alerts])).toEqual([
      [10, ['B,mode=active']],
      [70, ['A,mode=mute']],
    ]);
    expect(T0 % 86_400_000).toBe(0);
    h.am.dispatcher.stop();
  });
});

describe('receiver kinds Lookout does not deliver', () => {
  it('are accepted and appear in the notification log as not delivered, once per repeat_interval', async () => {
    const raw = parse(`
route: { receiver: mail, group_wait: 10s, group_interval: 30s, repeat_interval: 1h }
receivers: [{ name: mail, sns_configs: [{ topic_arn: t }, { phone_number: '+100' }] }]
`);
    expect(() => parseAlertmanagerConfig(raw)).not.toThrow();
    const clock = new FakeClock(T0);
    const am = createAlerting(raw, { clock, externalURL: 'http://lookout:3000' });
    am.dispatcher.put([alert({ alertname: 'A' }, 0, 3600)]);
    for (let i = 0; i < 120; i++) {
      clock.advance(1000);
      await am.dispatcher.idle();
    }
    const records = am.nflog.listRecords();
    expect(records.map((r) => [r.integration, r.ok, r.attempts])).toEqual([
      ['sns[1]', false, 0],
      ['sns[0]', false, 0],
    ]);
    expect(records[0].error).toMatch(/^not delivered by Lookout/);
    am.dispatcher.stop();
  });
});
