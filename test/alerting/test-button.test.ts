import { afterEach, describe, expect, it } from 'vitest';
import * as testReceiver from '@/app/api/v1/receivers/[name]/test/route';
import { makeLookout } from '../helpers/lookout';
import { startReceiver } from './receiver';
import { startSmtp } from './smtp-receiver';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

describe('POST /api/v1/receivers/{name}/test with the new receiver kinds', () => {
  it('sends the test alert by email and to PagerDuty and Discord, one result per integration', async () => {
    const smtp = await startSmtp();
    const rx = await startReceiver([{ status: 200 }, { status: 400 }]);
    closers.push(smtp.close, rx.close);
    const base = rx.url.replace(/\/hook\/.*$/, '');
    const ctx = makeLookout({
      config: [
        'alerting:',
        '  route: { receiver: ops }',
        '  receivers:',
        '    - name: ops',
        `      email_configs: [{ to: ops@example.com, from: lookout@example.com, smarthost: "${smtp.smarthost}", require_tls: false }]`,
        `      pagerduty_configs: [{ routing_key: PD-KEY, url: "${base}/pd" }]`,
        `      discord_configs: [{ webhook_url: "${base}/discord" }]`,
      ].join('\n'),
    });
    closers.push(ctx.close);
    const res = await testReceiver.POST(
      new Request('http://127.0.0.1/api/v1/receivers/ops/test', {
        method: 'POST',
        headers: { authorization: 'Bearer test-admin-token' },
      }),
      { params: Promise.resolve({ name: 'ops' }) },
    );
    expect(await res.json()).toEqual({
      data: [
        { integration: 'email[0]', ok: true, attempts: 1, error: null },
        { integration: 'pagerduty[0]', ok: true, attempts: 1, error: null },
        { integration: 'discord[0]', ok: false, attempts: 1, error: 'HTTP 400' },
      ],
    });
    expect(smtp.received[0].mail.subject).toMatch(/^\[FIRING:1\] LookoutTestNotification/);
    expect(rx.bodies[0].body).toMatchObject({ event_action: 'trigger', routing_key: 'PD-KEY' });
  });
});
