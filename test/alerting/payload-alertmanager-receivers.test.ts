import { afterEach, describe, expect, it } from 'vitest';
import { createAlerting } from '@/lib/alerting';
import { FakeClock } from '@/lib/clock';
import type { PostableAlert } from '@/lib/rules';
import { hasAlertmanager, startAlertmanager } from '../oracle/alertmanager';
import { requireLiveOracle } from '../oracle/amtool';
import { type Reply, startReceiver } from './receiver';
import { startSmtp } from './smtp-receiver';

const live = requireLiveOracle('prometheus-alertmanager', hasAlertmanager());
const EXTERNAL = 'http://lookout.example:3000';
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

function alerts(base: number): PostableAlert[] {
  const gen = `${EXTERNAL}/alerts?rule=Lat&expr=up+%3D%3D+0&x="q"`;
  const mk = (labels: Record<string, string>, annotations: Record<string, string>, ends: number): PostableAlert => ({
    labels,
    annotations,
    // Younger than group_wait: an older alert would make Alertmanager flush its group at once, alone.
    startsAt: base - 300,
    endsAt: base + ends,
    generatorURL: gen,
  });
  return [
    mk(
      { alertname: 'Lat', job: 'api', instance: 'h1', city: 'Zürich 東京' },
      { summary: 'slow <b> & "q" 1+1' },
      3_600_000,
    ),
    mk({ alertname: 'Lat', job: 'api', instance: 'h2' }, { summary: 'slow', runbook: "it's" }, 3_600_000),
    mk({ alertname: 'Lat', job: 'api', instance: 'h3' }, { summary: 'was slow' }, -200),
  ];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Runs the same alerts through Alertmanager 0.25 and Lookout with `receiver(rxUrl, smtp)`; returns both captures. */
async function both(
  receiver: (url: string, smarthost: string) => Record<string, unknown>,
  expected: number,
  replies: Reply[] = [{ status: 200 }],
) {
  const amRx = await startReceiver([...replies]);
  const ourRx = await startReceiver([...replies]);
  const amSmtp = await startSmtp();
  const ourSmtp = await startSmtp();
  closers.push(amRx.close, ourRx.close, amSmtp.close, ourSmtp.close);
  const config = (url: string, smarthost: string) => ({
    route: { receiver: 'team x/ops', group_by: ['alertname'], group_wait: '1s', group_interval: '1h' },
    receivers: [{ name: 'team x/ops', ...receiver(url.replace(/\/hook\/.*$/, ''), smarthost) }],
  });
  const base = Date.now();
  const list = alerts(base);
  const am = await startAlertmanager(config(amRx.url, amSmtp.smarthost), EXTERNAL);
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
  const ours = createAlerting(config(ourRx.url, ourSmtp.smarthost), { clock, externalURL: EXTERNAL });
  ours.dispatcher.put(list);
  for (let i = 0; i < 3; i++) {
    clock.advance(1000);
    await ours.dispatcher.idle();
  }
  ours.dispatcher.stop();
  const count = () => amRx.bodies.length + amSmtp.received.length;
  for (let waited = 0; count() < expected && waited < 15_000; waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  return { amRx, ourRx, amSmtp, ourSmtp };
}

describe.runIf(live)('other receivers equal Alertmanager 0.25 (default templates)', () => {
  it('email: same envelope, subject, headers and HTML body (html/template escaping)', async () => {
    const { amSmtp, ourSmtp } = await both(
      (_url, smarthost) => ({
        email_configs: [
          {
            to: 'ops@example.com',
            from: 'Alerts <am@example.com>',
            smarthost,
            require_tls: false,
            send_resolved: true,
            text: '{{ template "email.default.subject" . }}',
          },
        ],
      }),
      1,
    );
    expect(amSmtp.received).toHaveLength(1);
    const [a] = amSmtp.received;
    const [o] = ourSmtp.received;
    expect(o.from).toBe(a.from);
    expect(o.to).toEqual(a.to);
    expect(o.mail.subject).toBe(a.mail.subject);
    expect(o.mail.from).toEqual(a.mail.from);
    expect(o.mail.to).toEqual(a.mail.to);
    expect(o.mail.text).toBe(a.mail.text);
    expect(a.mail.html).toContain('Zürich 東京');
    expect(o.mail.html).toBe(a.mail.html);
  }, 30_000);
});

describe.runIf(live)('HTTP receivers equal Alertmanager 0.25 request for request', () => {
  it('PagerDuty v2, Opsgenie, Discord, Webex, Telegram, VictorOps: same method, path, auth and body', async () => {
    const { amRx, ourRx } = await both(
      (url) => ({
        pagerduty_configs: [
          {
            routing_key: 'R-KEY',
            url: `${url}/pd/v2`,
            severity: '{{ .CommonLabels.job }}',
            class: 'c',
            links: [{ href: 'http://l/{{ .GroupLabels.alertname }}', text: 't' }],
            images: [{ src: 'http://i', alt: 'a' }],
            details: { extra: '{{ len .Alerts }}' },
          },
        ],
        opsgenie_configs: [
          {
            api_key: 'OG-KEY',
            api_url: `${url}/og/`,
            tags: 'x,y',
            note: 'n',
            responders: [{ name: 'a,b', type: 'teams' }],
            update_alerts: true,
          },
        ],
        discord_configs: [{ webhook_url: `${url}/discord` }],
        webex_configs: [
          { api_url: `${url}/webex`, room_id: 'ROOM', http_config: { authorization: { credentials: 'WX' } } },
        ],
        telegram_configs: [{ api_url: `${url}/tg`, bot_token: 'T:K', chat_id: 42 }],
        victorops_configs: [
          {
            api_key: 'VO-KEY',
            api_url: `${url}/vo`,
            routing_key: 'rk-{{ .GroupLabels.alertname }}',
            custom_fields: { a: 'b' },
          },
        ],
      }),
      8,
    );
    const norm = (rx: typeof amRx) =>
      rx.bodies
        .map((b) => ({
          method: b.method,
          path: b.path,
          auth: b.headers.authorization ?? null,
          type: b.headers['content-type'],
          body: b.body,
        }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const am = norm(amRx).filter((b, i, all) => i === 0 || JSON.stringify(b) !== JSON.stringify(all[i - 1]));
    if (process.env.SHOW_BODIES) console.log(JSON.stringify(am, null, 1));
    expect(am.map((b) => b.path)).toHaveLength(8);
    expect(norm(ourRx)).toEqual(am);
  }, 30_000);
});

describe.runIf(live)('WeChat equals Alertmanager 0.25', () => {
  it('same gettoken query and message/send body', async () => {
    const { amRx, ourRx } = await both(
      (url) => ({
        wechat_configs: [
          {
            api_url: `${url}/cgi-bin/`,
            api_secret: 'S',
            corp_id: 'C',
            to_party: '2',
            agent_id: '7',
            message_type: 'markdown',
          },
        ],
      }),
      2,
      [
        { status: 200, body: '{"access_token":"TOK"}' },
        { status: 200, body: '{"errcode":0,"code":0}' },
      ],
    );
    const norm = (rx: typeof amRx) => rx.bodies.map((b) => ({ method: b.method, path: b.path, body: b.body }));
    expect(norm(amRx)).toHaveLength(2);
    expect(norm(ourRx)).toEqual(norm(amRx));
  }, 30_000);
});
