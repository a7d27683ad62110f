import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAlerting, type NotificationRecord, parseAlertmanagerConfig } from '@/lib/alerting';
import { FakeClock } from '@/lib/clock';
import { tempDir } from '../helpers/temp-dir';
import { alert, T0 } from './harness';
import { type Reply, startReceiver } from './receiver';

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const retry = { baseDelayMs: 10, maxDelayMs: 20, maxAttempts: 3, sleep: realSleep };
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

const GROUP_KEY = '{}:{alertname="DiskFull"}';
const HASH = createHash('sha256').update(GROUP_KEY).digest('hex');
const SUBJECT = '[FIRING:2] DiskFull (page)';

/** Fires two alerts, then resolves both; returns what the receiver got and the notification log. */
async function run(
  receiver: (base: string) => Record<string, unknown>,
  replies: Reply[] = [{ status: 200 }],
  resolve = true,
) {
  const rx = await startReceiver(replies);
  closers.push(rx.close);
  const base = rx.url.replace(/\/hook\/.*$/, '');
  const clock = new FakeClock(T0);
  const records: NotificationRecord[] = [];
  const am = createAlerting(
    {
      route: { receiver: 'ops', group_by: ['alertname'], group_wait: '1s', group_interval: '10s' },
      receivers: [{ name: 'ops', ...receiver(base) }],
    },
    {
      clock,
      externalURL: 'http://lookout:3000',
      retry,
      endpoints: { pushover: `${base}/1/messages.json` },
      onNotification: (r) => records.push(r),
    },
  );
  am.dispatcher.put([
    alert({ alertname: 'DiskFull', instance: 'db1', severity: 'page' }, 0, 15, { summary: 'Disk <full> & "hot"' }),
    alert({ alertname: 'DiskFull', instance: 'db2', severity: 'page' }, 0, 15, { summary: 'Disk 2' }),
  ]);
  for (let i = 0; i < (resolve ? 25 : 3); i++) {
    clock.advance(1000);
    await am.dispatcher.idle();
  }
  am.dispatcher.stop();
  return { rx, records, body: (i: number) => rx.bodies[i].body as Record<string, never> };
}

describe('PagerDuty (Events API v2) on a local receiver', () => {
  it('trigger then resolve with dedup_key = sha256(group key), Alertmanager defaults', async () => {
    const { rx, records, body } = await run((b) => ({
      pagerduty_configs: [
        { routing_key: 'R-KEY-secret', url: `${b}/v2/enqueue`, details: { team: '{{ .CommonLabels.severity }}' } },
      ],
    }));
    expect(rx.bodies.map((x) => [x.method, x.path, x.headers['content-type']])).toEqual([
      ['POST', '/v2/enqueue', 'application/json'],
      ['POST', '/v2/enqueue', 'application/json'],
    ]);
    expect(body(0)).toMatchObject({
      routing_key: 'R-KEY-secret',
      dedup_key: HASH,
      event_action: 'trigger',
      client: 'Alertmanager',
      client_url: 'http://lookout:3000/#/alerts?receiver=ops',
      payload: {
        summary: SUBJECT,
        source: 'Alertmanager',
        severity: 'error',
        custom_details: { num_firing: '2', num_resolved: '0', resolved: '', team: 'page' },
      },
    });
    expect(body(0).payload).not.toHaveProperty('class');
    expect(body(0)).not.toHaveProperty('links');
    expect((body(0).payload as { custom_details: { firing: string } }).custom_details.firing).toContain(
      ' - instance = db1',
    );
    expect(body(1)).toMatchObject({
      event_action: 'resolve',
      dedup_key: HASH,
      payload: { summary: '[RESOLVED] DiskFull (page)' },
    });
    expect(records.map((r) => [r.integration, r.status, r.ok])).toEqual([
      ['pagerduty[0]', 'firing', true],
      ['pagerduty[0]', 'resolved', true],
    ]);
  });

  it('summary truncated to 1024 runes with "…", routing_key_file, severity/class/component/group, links and images', async () => {
    const dir = tempDir('lookout-pd-');
    writeFileSync(path.join(dir, 'key'), 'FILE-KEY\n');
    const { body } = await run(
      (b) => ({
        pagerduty_configs: [
          {
            routing_key_file: path.join(dir, 'key'),
            url: `${b}/v2/enqueue`,
            description: `{{ range .Alerts }}${'é'.repeat(600)}{{ end }}`,
            severity: '{{ .CommonLabels.severity }}',
            class: 'disk',
            component: 'db',
            group: 'storage',
            links: [{ href: 'http://runbook/{{ .GroupLabels.alertname }}', text: 'runbook' }, { href: '' }],
            images: [{ src: 'http://img/x.png', alt: 'x' }],
          },
        ],
      }),
      [{ status: 200 }],
      false,
    );
    const summary = (body(0).payload as { summary: string }).summary;
    expect(Array.from(summary)).toHaveLength(1024);
    expect(summary.endsWith('é…')).toBe(true);
    expect(body(0)).toMatchObject({
      routing_key: 'FILE-KEY',
      payload: { severity: 'page', class: 'disk', component: 'db', group: 'storage' },
      links: [{ href: 'http://runbook/DiskFull', text: 'runbook' }],
      images: [{ src: 'http://img/x.png', alt: 'x', href: '' }],
    });
  });

  it('retries 5xx and 429 (Retry-After), not other 4xx; errors never quote the key', async () => {
    const flaky = await run(
      (b) => ({ pagerduty_configs: [{ routing_key: 'R-KEY-secret', url: `${b}/v2/enqueue` }] }),
      [{ status: 500 }, { status: 429, headers: { 'retry-after': '0' } }, { status: 202 }],
      false,
    );
    expect(flaky.records).toMatchObject([{ ok: true, attempts: 3 }]);
    const refused = await run(
      (b) => ({ pagerduty_configs: [{ routing_key: 'R-KEY-secret', url: `${b}/v2/enqueue` }] }),
      [{ status: 400 }],
      false,
    );
    expect(refused.records).toMatchObject([{ ok: false, attempts: 1, error: 'HTTP 400' }]);
    expect(JSON.stringify(refused.records)).not.toContain('R-KEY');
  });

  it('service_key: Events API v1 (incident_key, event_type), 403 retried as Alertmanager does', async () => {
    const { body, records } = await run(
      (b) => ({ pagerduty_configs: [{ service_key: 'S-KEY', url: `${b}/v1` }] }),
      [{ status: 403 }, { status: 200 }],
      false,
    );
    expect(records).toMatchObject([{ ok: true, attempts: 2 }]);
    expect(body(0)).toMatchObject({
      service_key: 'S-KEY',
      incident_key: HASH,
      event_type: 'trigger',
      description: SUBJECT,
      client: 'Alertmanager',
      event_action: '',
      payload: null,
    });
  });
});

describe('Opsgenie (Alert API v2) on a local receiver', () => {
  it('creates with GenieKey, alias = group key hash, updates with update_alerts, closes by alias', async () => {
    const { rx, body } = await run((b) => ({
      opsgenie_configs: [
        {
          api_key: 'OG-KEY',
          api_url: `${b}/`,
          tags: 'a, b ,,c',
          priority: 'P1',
          update_alerts: true,
          responders: [
            { name: 'ops,dba', type: 'teams' },
            { id: 'u1', type: 'user' },
          ],
        },
      ],
    }));
    expect(rx.bodies.map((x) => [x.method, x.path, x.headers.authorization])).toEqual([
      ['POST', '/v2/alerts', 'GenieKey OG-KEY'],
      ['PUT', `/v2/alerts/${HASH}/message?identifierType=alias`, 'GenieKey OG-KEY'],
      ['PUT', `/v2/alerts/${HASH}/description?identifierType=alias`, 'GenieKey OG-KEY'],
      ['POST', `/v2/alerts/${HASH}/close?identifierType=alias`, 'GenieKey OG-KEY'],
    ]);
    expect(body(0)).toMatchObject({
      alias: HASH,
      message: SUBJECT,
      source: 'http://lookout:3000/#/alerts?receiver=ops',
      details: { alertname: 'DiskFull', severity: 'page' },
      tags: ['a', ' b ', 'c'],
      priority: 'P1',
      responders: [
        { name: 'ops', type: 'team' },
        { name: 'dba', type: 'team' },
        { id: 'u1', type: 'user' },
      ],
    });
    expect(body(0).description).toContain('Alerts Firing:');
    expect(body(1)).toEqual({ message: SUBJECT });
    expect(body(3)).toEqual({ source: 'http://lookout:3000/#/alerts?receiver=ops' });
  });
});

describe('Discord, Microsoft Teams, Webex, Telegram, Pushover on local receivers', () => {
  it('Discord: one embed, red then green; http_config.authorization applied', async () => {
    const { rx, body } = await run((b) => ({
      discord_configs: [
        { webhook_url: `${b}/api/webhooks/1/TOKEN`, http_config: { authorization: { type: 'Bot', credentials: 'c' } } },
      ],
    }));
    expect(rx.bodies[0].path).toBe('/api/webhooks/1/TOKEN');
    expect(rx.bodies[0].headers.authorization).toBe('Bot c');
    expect(body(0)).toMatchObject({ content: '', embeds: [{ title: SUBJECT, color: 0x992d22 }] });
    expect((body(0).embeds as { description: string }[])[0].description).toContain('Alerts Firing:');
    expect(body(1)).toMatchObject({ embeds: [{ title: '[RESOLVED] DiskFull (page)', color: 0x2ecc71 }] });
  });

  it('Teams: MessageCard with title, summary, markdown text, theme colour', async () => {
    const { body } = await run((b) => ({ msteams_configs: [{ webhook_url: `${b}/webhookb2/x` }] }));
    expect(body(0)).toMatchObject({
      '@context': 'http://schema.org/extensions',
      type: 'MessageCard',
      title: SUBJECT,
      summary: SUBJECT,
      themeColor: '8C1A1A',
    });
    expect(body(0).text).toContain('# Alerts Firing:');
    expect(body(1)).toMatchObject({ themeColor: '2DC72D' });
  });

  it('Teams workflows (msteamsv2): an Adaptive Card, Attention then Good', async () => {
    const dir = tempDir('lookout-teams-');
    const { rx, body } = await run((b) => {
      writeFileSync(path.join(dir, 'url'), `${b}/workflows/x\n`);
      return { msteamsv2_configs: [{ webhook_url_file: path.join(dir, 'url') }] };
    });
    expect(rx.bodies[0].path).toBe('/workflows/x');
    expect(body(0)).toMatchObject({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.2',
            body: [
              {
                type: 'TextBlock',
                text: SUBJECT,
                weight: 'Bolder',
                size: 'Medium',
                wrap: true,
                style: 'heading',
                color: 'Attention',
              },
              { type: 'TextBlock', wrap: true },
            ],
            msteams: { width: 'full' },
          },
        },
      ],
    });
    expect(JSON.stringify(body(1))).toContain('"color":"Good"');
  });

  it('Teams configs need exactly one of webhook_url and webhook_url_file (Alertmanager 0.26+)', () => {
    const cfg = (c: Record<string, unknown>) => ({
      route: { receiver: 'r' },
      receivers: [{ name: 'r', msteamsv2_configs: [c] }],
    });
    expect(() => parseAlertmanagerConfig(cfg({}))).toThrow(/one of webhook_url or webhook_url_file must be configured/);
    expect(() => parseAlertmanagerConfig(cfg({ webhook_url: 'http://a', webhook_url_file: '/f' }))).toThrow(
      /at most one of webhook_url & webhook_url_file/,
    );
    expect(() => parseAlertmanagerConfig(cfg({ webhook_url: 'http://a', summary: 'x' }))).toThrow(/summary/);
  });

  it('VictorOps: key and routing key in the path, entity_id = group key hash, RECOVERY when resolved', async () => {
    const { rx, body } = await run((b) => ({
      victorops_configs: [
        {
          api_key: 'VO-KEY',
          api_url: `${b}/alert`,
          routing_key: '{{ .CommonLabels.severity }}',
          custom_fields: { team: 'db' },
        },
      ],
    }));
    expect(rx.bodies.map((x) => x.path)).toEqual(['/alert/VO-KEY/page', '/alert/VO-KEY/page']);
    expect(body(0)).toMatchObject({
      message_type: 'CRITICAL',
      entity_id: HASH,
      entity_display_name: SUBJECT,
      monitoring_tool: 'Alertmanager',
      team: 'db',
    });
    expect(body(0).state_message).toContain('Alerts Firing:');
    expect(body(1)).toMatchObject({ message_type: 'RECOVERY', entity_id: HASH });
  });

  it('WeChat: gettoken once, then message/send with the token; errcode 42001 refreshes the token and retries', async () => {
    const ok = (o: unknown) => ({ status: 200, body: JSON.stringify(o) });
    const { rx, records } = await run(
      (b) => ({
        wechat_configs: [
          { api_url: `${b}/cgi-bin/`, api_secret: 'W-SECRET', corp_id: 'corp', to_user: '@all', send_resolved: true },
        ],
      }),
      [
        ok({ access_token: 'TOK1' }),
        ok({ errcode: 0 }),
        ok({ errcode: 42001, errmsg: 'access_token expired' }),
        ok({ access_token: 'TOK2' }),
        ok({ errcode: 0 }),
      ],
    );
    expect(rx.bodies.map((x) => `${x.method} ${x.path}`)).toEqual([
      'GET /cgi-bin/gettoken?corpid=corp&corpsecret=W-SECRET',
      'POST /cgi-bin/message/send?access_token=TOK1',
      'POST /cgi-bin/message/send?access_token=TOK1',
      'GET /cgi-bin/gettoken?corpid=corp&corpsecret=W-SECRET',
      'POST /cgi-bin/message/send?access_token=TOK2',
    ]);
    expect(rx.bodies[1].body).toMatchObject({ touser: '@all', safe: '0', msgtype: 'text' });
    expect((rx.bodies[1].body as { text: { content: string } }).text.content).toContain(SUBJECT);
    expect(records.map((r) => [r.status, r.ok, r.attempts])).toEqual([
      ['firing', true, 1],
      ['resolved', true, 2],
    ]);
  });

  it('Webex: markdown and roomId, http_config.authorization as the Bearer token', async () => {
    const { rx, body } = await run((b) => ({
      webex_configs: [
        { api_url: `${b}/v1/messages`, room_id: 'ROOM', http_config: { authorization: { credentials: 'WX-TOKEN' } } },
      ],
    }));
    expect(rx.bodies[0].headers.authorization).toBe('Bearer WX-TOKEN');
    expect(body(0)).toMatchObject({ roomId: 'ROOM' });
    expect(body(0).markdown).toContain('Disk <full> & "hot"');
  });

  it('Telegram: sendMessage with string parameters, HTML parse mode escapes values', async () => {
    const { rx, body } = await run((b) => ({
      telegram_configs: [{ api_url: b, bot_token: '123:TG-TOKEN', chat_id: -1001, disable_notifications: true }],
    }));
    expect(rx.bodies[0].path).toBe('/bot123:TG-TOKEN/sendMessage');
    expect(body(0)).toMatchObject({
      chat_id: '-1001',
      parse_mode: 'HTML',
      disable_notification: 'true',
      disable_web_page_preview: 'true',
    });
    expect(body(0).text).toContain('summary = Disk &lt;full&gt; &amp; &#34;hot&#34;');
  });

  it('Pushover: every parameter in the query string, emergency priority while firing', async () => {
    const { rx } = await run(() => ({ pushover_configs: [{ user_key: 'U-KEY', token: 'P-TOKEN', retry: '30s' }] }));
    expect(rx.bodies[0].method).toBe('POST');
    expect(rx.bodies[0].raw).toBe('');
    const q = new URL(rx.bodies[0].path, 'http://x').searchParams;
    expect(Object.fromEntries(q)).toMatchObject({
      token: 'P-TOKEN',
      user: 'U-KEY',
      title: SUBJECT,
      priority: '2',
      retry: '30',
      expire: '3600',
      url: 'http://lookout:3000/#/alerts?receiver=ops',
      url_title: '',
      sound: '',
    });
    expect(q.get('message')).toContain('Disk <full>');
    expect(new URL(rx.bodies[1].path, 'http://x').searchParams.get('priority')).toBe('0');
  });
});
