import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as receiverTest from '@/app/api/v1/receivers/[name]/test/route';
import * as password from '@/app/api/v1/session/password/route';
import * as session from '@/app/api/v1/session/route';
import * as targets from '@/app/api/v1/targets/route';
import * as tokens from '@/app/api/v1/tokens/route';
import { ADMIN, call, makeLookout } from '../helpers/lookout';
import { listAppFiles, ROUTES, routeOf } from './access-table';

const root = path.resolve(import.meta.dirname, '..', '..');
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const SECRETS = {
  provisionedHeader: 'prov-header-secret-7c1e',
  provisionedBody: 'prov-body-secret-2b9d',
  apiHeader: 'api-header-secret-5a3f',
  apiBody: 'api-body-secret-9e6a',
  webhook: 'hook-path-secret-4d8b',
  slack: 'slack-secret-T000-B000-XXXX',
  password: 'admin-password-secret-81f2',
  smtp: 'smtp-password-secret-6c0e',
  pagerduty: 'pd-routing-key-secret-3e1a',
  opsgenie: 'opsgenie-key-secret-0b7d',
  telegram: 'telegram-token-secret-91ac',
  webex: 'webex-token-secret-77d0',
  discord: 'discord-hook-secret-c4e2',
  victorops: 'victorops-key-secret-18f3',
  wechat: 'wechat-secret-2d6c',
};

const config = `
targets:
  - name: provisioned
    url: http://127.0.0.1:9/health
    headers: { Authorization: "Bearer ${SECRETS.provisionedHeader}" }
    method: POST
    body: '{"key":"${SECRETS.provisionedBody}"}'
alerting:
  route: { receiver: team }
  receivers:
    - name: team
      webhook_configs: [{ url: "http://127.0.0.1:9/${SECRETS.webhook}" }]
      slack_configs: [{ api_url: "http://127.0.0.1:9/services/${SECRETS.slack}", channel: "#alerts" }]
      email_configs: [{ to: a@example.com, from: b@example.com, smarthost: "127.0.0.1:9", auth_username: u, auth_password: "${SECRETS.smtp}" }]
      pagerduty_configs: [{ routing_key: "${SECRETS.pagerduty}", url: "http://127.0.0.1:9/pd" }]
      opsgenie_configs: [{ api_key: "${SECRETS.opsgenie}", api_url: "http://127.0.0.1:9/" }]
      telegram_configs: [{ bot_token: "${SECRETS.telegram}", chat_id: 1, api_url: "http://127.0.0.1:9" }]
      webex_configs: [{ room_id: r, api_url: "http://127.0.0.1:9/w", http_config: { authorization: { credentials: "${SECRETS.webex}" } } }]
      discord_configs: [{ webhook_url: "http://127.0.0.1:9/${SECRETS.discord}" }]
      victorops_configs: [{ api_key: "${SECRETS.victorops}", api_url: "http://127.0.0.1:9/vo/", routing_key: rk }]
      wechat_configs: [{ api_secret: "${SECRETS.wechat}", corp_id: c, api_url: "http://127.0.0.1:9/cgi-bin/" }]
`;

describe('secrets never come back', () => {
  let ctx: ReturnType<typeof makeLookout>;
  const seen: string[] = [];
  let apiToken = '';

  beforeAll(async () => {
    ctx = makeLookout({ config });
    const created = await call(targets.POST, '/api/v1/targets', {
      method: 'POST',
      body: {
        name: 'api',
        url: 'http://127.0.0.1:9/health',
        method: 'POST',
        headers: { 'X-Api-Key': SECRETS.apiHeader },
        body: SECRETS.apiBody,
      },
    });
    expect(created.status).toBe(201);
    seen.push(JSON.stringify(created.body));
    const token = await call(tokens.POST, '/api/v1/tokens', { method: 'POST', body: { name: 'ci', scope: 'read' } });
    apiToken = (token.body as { data: { token: string } }).data.token;
    const chosen = await password.POST(
      new Request('http://127.0.0.1/api/v1/session/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: SECRETS.password, token: ADMIN }),
      }),
    );
    expect(chosen.status).toBe(200);
    // A failed delivery's error must not quote the webhook URL either.
    const sent = await receiverTest.POST(
      new Request('http://127.0.0.1/api/v1/receivers/team/test', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}` },
      }),
      { params: Promise.resolve({ name: 'team' }) },
    );
    expect(sent.status).toBe(200);
    seen.push(await sent.text());
    const wrong = await session.POST(
      new Request('http://127.0.0.1/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: `${SECRETS.password}x` }),
      }),
    );
    seen.push(await wrong.text());
  });
  afterAll(() => ctx.close());

  it('in no GET answer, with the admin token', async () => {
    const ids: Record<string, string> = { id: '1', name: 'team' };
    for (const file of listAppFiles(root, 'route.ts', fs)) {
      const route = routeOf(file, 'route.ts');
      if (!ROUTES[route]?.GET) continue;
      const mod = (await import(path.join(root, file))) as Record<string, Handler>;
      const url = `http://127.0.0.1${route.replace(/\[(\w+)\]/g, (_, k: string) => ids[k])}`;
      const res = await mod.GET(new Request(url, { headers: { authorization: `Bearer ${ADMIN}` } }), {
        params: Promise.resolve(ids),
      });
      expect(res.status, route).toBeLessThan(500);
      seen.push(`${route}: ${await res.text()}`);
    }
    const all = seen.join('\n');
    expect(all).toContain('"name":"provisioned"');
    expect(all).toContain('"has_headers":true');
    expect(all).toMatch(/"ok":false,"attempts":1,"error":"connection refused"/);
    for (const [what, secret] of Object.entries({ ...SECRETS, apiToken, adminToken: ADMIN }))
      expect(all.includes(secret), what).toBe(false);
  });
});
