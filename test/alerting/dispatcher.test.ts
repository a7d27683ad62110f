import { describe, expect, it } from 'vitest';
import { alert, harness, type Sent, T0 } from './harness';

const BASE = `
route:
  receiver: team
  group_by: [alertname]
  group_wait: 10s
  group_interval: 30s
  repeat_interval: 1h
receivers:
  - name: team
    webhook_configs: [{ url: "http://127.0.0.1:1/hook" }]
    slack_configs: [{ api_url: "https://hooks.slack.com/services/T/B/SECRET" }]
`;

const a1 = { alertname: 'Down', instance: '1' };
const a2 = { alertname: 'Down', instance: '2' };
const HOUR = 3600;

type Event = {
  at: number;
  put?: Parameters<ReturnType<typeof harness>['put']>;
  silence?: [string, number, number];
  failNext?: [string, number];
};
type Case = { name: string; config?: string; events: Event[]; until: number; want: Sent[] };

const wh = 'team/webhook[0]';
const sl = 'team/slack[0]';

const cases: Case[] = [
  {
    name: 'group_wait delays the first notification; later alerts wait for group_interval',
    events: [
      { at: 0, put: [alert(a1, 0, HOUR)] },
      { at: 15, put: [alert(a2, 15, HOUR)] },
    ],
    until: 100,
    want: [
      { at: 10, to: wh, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 10, to: sl, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 40, to: wh, status: 'firing', alerts: ['Down,instance=1', 'Down,instance=2'] },
      { at: 40, to: sl, status: 'firing', alerts: ['Down,instance=1', 'Down,instance=2'] },
    ],
  },
  {
    name: 'nothing changes: deduplicated until repeat_interval has passed',
    events: [{ at: 0, put: [alert(a1, 0, 3 * HOUR)] }],
    until: HOUR + 60,
    want: [
      { at: 10, to: wh, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 10, to: sl, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 3640, to: wh, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 3640, to: sl, status: 'firing', alerts: ['Down,instance=1'] },
    ],
  },
  {
    name: 'resolved: sent where send_resolved (webhook default true), not to Slack (default false); no repeats',
    events: [
      { at: 0, put: [alert(a1, 0, HOUR)] },
      { at: 50, put: [alert(a1, 0, 50)] },
      { at: 110, put: [alert(a1, 0, 50)] },
    ],
    until: 300,
    want: [
      { at: 10, to: wh, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 10, to: sl, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 70, to: wh, status: 'resolved', alerts: ['Down,instance=1'] },
    ],
  },
  {
    name: 'an alert older than group_wait is flushed at once',
    events: [{ at: 0, put: [alert(a1, -60, HOUR)] }],
    until: 5,
    want: [
      { at: 0, to: wh, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 0, to: sl, status: 'firing', alerts: ['Down,instance=1'] },
    ],
  },
  {
    name: 'a silenced alert is not sent until the silence ends',
    events: [
      { at: 0, silence: ['instance="1"', 0, 100] },
      { at: 0, put: [alert(a1, 0, HOUR)] },
    ],
    until: 130,
    want: [
      { at: 100, to: wh, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 100, to: sl, status: 'firing', alerts: ['Down,instance=1'] },
    ],
  },
  {
    name: 'a failed send is retried at the next flush',
    events: [
      { at: 0, failNext: [wh, 1] },
      { at: 0, put: [alert(a1, 0, HOUR)] },
    ],
    until: 100,
    want: [
      { at: 10, to: sl, status: 'firing', alerts: ['Down,instance=1'] },
      { at: 40, to: wh, status: 'firing', alerts: ['Down,instance=1'] },
    ],
  },
  {
    name: 'inhibit_rules: a firing critical mutes warnings with equal labels, until it resolves',
    config: `
route: { receiver: team, group_by: [alertname], group_wait: 10s, group_interval: 30s, repeat_interval: 1h }
receivers: [{ name: team, webhook_configs: [{ url: "http://127.0.0.1:1/x" }] }]
inhibit_rules:
  - source_matchers: ['severity="critical"']
    target_match: { severity: warning }
    equal: [job]
`,
    events: [
      {
        at: 0,
        put: [
          alert({ alertname: 'Down', severity: 'critical', job: 'x' }, 0, HOUR),
          alert({ alertname: 'Slow', severity: 'warning', job: 'x' }, 0, HOUR),
          alert({ alertname: 'Other', severity: 'warning', job: 'y' }, 0, HOUR),
        ],
      },
      { at: 20, put: [alert({ alertname: 'Down', severity: 'critical', job: 'x' }, 0, 20)] },
    ],
    until: 60,
    want: [
      { at: 10, to: wh, status: 'firing', alerts: ['Down,job=x,severity=critical'] },
      { at: 10, to: wh, status: 'firing', alerts: ['Other,job=y,severity=warning'] },
      { at: 40, to: wh, status: 'resolved', alerts: ['Down,job=x,severity=critical'] },
      { at: 40, to: wh, status: 'firing', alerts: ['Slow,job=x,severity=warning'] },
    ],
  },
  {
    name: 'continue: an alert goes to every matching route in order',
    config: `
route:
  receiver: team
  group_wait: 10s
  routes:
    - { matchers: ['severity="critical"'], receiver: pager, continue: true }
    - { match_re: { job: "x|y" }, receiver: team, group_wait: 20s }
    - { receiver: never }
receivers:
  - { name: team, webhook_configs: [{ url: "http://127.0.0.1:1/t" }] }
  - { name: pager, webhook_configs: [{ url: "http://127.0.0.1:1/p" }] }
  - { name: never, webhook_configs: [{ url: "http://127.0.0.1:1/n" }] }
`,
    events: [{ at: 0, put: [alert({ alertname: 'Down', severity: 'critical', job: 'x' }, 0, HOUR)] }],
    until: 30,
    want: [
      { at: 10, to: 'pager/webhook[0]', status: 'firing', alerts: ['Down,job=x,severity=critical'] },
      { at: 20, to: 'team/webhook[0]', status: 'firing', alerts: ['Down,job=x,severity=critical'] },
    ],
  },
];

describe('dispatcher: grouping, dedup, repeat, resolve, silences, inhibition (fake clock)', () => {
  it.each(cases)('$name', async ({ config, events, until, want }) => {
    const h = harness(config ?? BASE);
    for (const e of [...events].sort((x, y) => x.at - y.at)) {
      await h.runTo(e.at);
      if (e.failNext) h.failNext(...e.failNext);
      if (e.silence) {
        const [m, from, to] = e.silence;
        const [name, value] = m.split('=');
        h.am.silences.create(
          {
            matchers: [{ name, value: JSON.parse(value) as string, isRegex: false, isEqual: true }],
            startsAt: T0 + from * 1000,
            endsAt: T0 + to * 1000,
            createdBy: 't',
            comment: 'c',
          },
          h.clock.now(),
        );
      }
      if (e.put) h.put(...e.put);
    }
    await h.runTo(until);
    expect(h.sent).toEqual(want);
  });

  it('restart: state survives, no duplicate notification, repeat_interval kept', async () => {
    const h1 = harness(BASE);
    h1.put(alert(a1, 0, 3 * HOUR));
    await h1.runTo(25);
    expect(h1.sent.map((s) => s.at)).toEqual([10, 10]);
    const saved = JSON.parse(JSON.stringify(h1.am.toJSON()));
    h1.am.dispatcher.stop();
    const h2 = harness(BASE, h1.clock, saved);
    h2.put(alert(a1, 0, 3 * HOUR));
    await h2.runTo(HOUR + 60);
    expect(h2.sent.map((s) => [s.at, s.to])).toEqual([
      [3640, wh],
      [3640, sl],
    ]);
    expect(h2.am.nflog.listRecords().length).toBeGreaterThanOrEqual(4);
  });

  it('records every notification attempt for the API', async () => {
    const h = harness(BASE);
    h.failNext(wh, 1);
    h.put(alert(a1, 0, HOUR));
    await h.runTo(45);
    const records = h.am.nflog
      .listRecords()
      .map((r) => [r.receiver, r.integration, r.status, r.ok, r.error, (r.at - T0) / 1000]);
    expect(records).toEqual([
      ['team', 'webhook[0]', 'firing', true, null, 40],
      ['team', 'slack[0]', 'firing', true, null, 10],
      ['team', 'webhook[0]', 'firing', false, 'HTTP 500', 10],
    ]);
  });
});
