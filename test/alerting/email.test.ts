import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAlerting, type NotificationRecord } from '@/lib/alerting';
import { FakeClock } from '@/lib/clock';
import { tempDir } from '../helpers/temp-dir';
import { alert, T0 } from './harness';
import { startSmtp } from './smtp-receiver';

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const retry = { baseDelayMs: 10, maxDelayMs: 20, maxAttempts: 3, timeoutMs: 3000, sleep: realSleep };
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function deliver(receiver: Record<string, unknown>, global: Record<string, unknown> = {}) {
  const clock = new FakeClock(T0);
  const records: NotificationRecord[] = [];
  const am = createAlerting(
    {
      global,
      route: { receiver: 'mail', group_by: ['alertname'], group_wait: '1s' },
      receivers: [{ name: 'mail', ...receiver }],
    },
    { clock, externalURL: 'http://lookout:3000', retry, onNotification: (r) => records.push(r) },
  );
  am.dispatcher.put([
    alert({ alertname: 'DiskFull', instance: 'db1', severity: 'page' }, 0, 3600, {
      summary: 'Disk <full> & "hot"',
    }),
    alert({ alertname: 'DiskFull', instance: 'db2', severity: 'page' }, 0, 3600, { summary: 'Disk 1+1' }),
  ]);
  for (let i = 0; i < 3; i++) {
    clock.advance(1000);
    await am.dispatcher.idle();
  }
  am.dispatcher.stop();
  return records;
}

describe('email_configs over real SMTP (smtp-server on 127.0.0.1)', () => {
  it('STARTTLS + AUTH, Alertmanager default subject/To/From and HTML body, custom headers and text body', async () => {
    const smtp = await startSmtp({ users: { alice: 's3cret-pw' } });
    closers.push(smtp.close);
    const records = await deliver({
      email_configs: [
        {
          to: 'Ops <ops@example.com>, dev@example.com',
          from: 'Lookout <lookout@example.com>',
          smarthost: smtp.smarthost,
          auth_username: 'alice',
          auth_password: 's3cret-pw',
          tls_config: { insecure_skip_verify: true },
          headers: { 'x-team': '{{ .CommonLabels.severity }}' },
          text: '{{ template "__subject" . }}\n{{ range .Alerts }}{{ .Annotations.summary }}\n{{ end }}',
        },
      ],
    });
    expect(records).toMatchObject([{ receiver: 'mail', integration: 'email[0]', ok: true, attempts: 1 }]);
    expect(smtp.received).toHaveLength(1);
    const [m] = smtp.received;
    expect(m.user).toBe('alice');
    expect(smtp.authMethods).toEqual(['PLAIN']);
    expect(m.from).toBe('lookout@example.com');
    expect(m.to).toEqual(['ops@example.com', 'dev@example.com']);
    expect(m.mail.subject).toBe('[FIRING:2] DiskFull (page)');
    expect(m.mail.from?.value).toEqual([{ name: 'Lookout', address: 'lookout@example.com' }]);
    expect(m.mail.to && !Array.isArray(m.mail.to) ? m.mail.to.value : []).toEqual([
      { name: 'Ops', address: 'ops@example.com' },
      { name: '', address: 'dev@example.com' },
    ]);
    expect(m.mail.headers.get('x-team')).toBe('page');
    expect(m.mail.text).toBe('[FIRING:2] DiskFull (page)\nDisk <full> & "hot"\nDisk 1+1\n');
    const html = String(m.mail.html);
    expect(html).toContain('<title>[FIRING:2] DiskFull (page)</title>');
    expect(html).toContain('2 alerts for');
    expect(html).toContain('summary = Disk &lt;full&gt; &amp; &#34;hot&#34;');
    expect(html).toContain('summary = Disk 1&#43;1');
    expect(html).toContain('href="http://lookout:3000/#/alerts?receiver=mail"');
    expect(html).toContain('[2] Firing');
    expect(html).not.toContain('<!--');
  });

  it('global smtp_* settings, implicit TLS is not used off 465, require_tls: false skips STARTTLS', async () => {
    const smtp = await startSmtp({ disableStartTls: true });
    closers.push(smtp.close);
    const records = await deliver(
      { email_configs: [{ to: 'ops@example.com' }] },
      { smtp_smarthost: smtp.smarthost, smtp_from: 'am@example.com', smtp_require_tls: false },
    );
    expect(records).toMatchObject([{ ok: true }]);
    expect(smtp.received[0].mail.from?.value[0].address).toBe('am@example.com');
    expect(smtp.received[0].mail.subject).toBe('[FIRING:2] DiskFull (page)');
  });

  it('require_tls (default) against a server without STARTTLS fails with the reason', async () => {
    const smtp = await startSmtp({ disableStartTls: true });
    closers.push(smtp.close);
    const records = await deliver({
      email_configs: [{ to: 'ops@example.com', from: 'a@example.com', smarthost: smtp.smarthost }],
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: false, attempts: 3 });
    expect(records[0].error).toMatch(/STARTTLS/);
    expect(smtp.received).toHaveLength(0);
  });

  it('refused authentication: retried as Alertmanager does, then logged with the reason and no password', async () => {
    const smtp = await startSmtp({ users: { alice: 'right' } });
    closers.push(smtp.close);
    const dir = tempDir('lookout-email-');
    writeFileSync(path.join(dir, 'pw'), 'wrong-pw-secret\n');
    const records = await deliver({
      email_configs: [
        {
          to: 'ops@example.com',
          from: 'a@example.com',
          smarthost: smtp.smarthost,
          auth_username: 'alice',
          auth_password_file: path.join(dir, 'pw'),
          tls_config: { insecure_skip_verify: true },
        },
      ],
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: false, attempts: 3 });
    expect(records[0].error).toMatch(/^authentication failed \(535\)/);
    expect(records[0].error).not.toContain('wrong-pw-secret');
    expect(records[0].error).not.toContain('127.0.0.1');
    expect(smtp.received).toHaveLength(0);
  });

  it('a server that drops the connection is retried, and the next try delivers', async () => {
    const smtp = await startSmtp({ dropFirst: 1 });
    closers.push(smtp.close);
    const records = await deliver({
      email_configs: [{ to: 'ops@example.com', from: 'a@example.com', smarthost: smtp.smarthost, require_tls: false }],
    });
    expect(records).toMatchObject([{ ok: true, attempts: 2 }]);
    expect(smtp.received).toHaveLength(1);
  });

  it('a server that always drops: every attempt used, the reason logged', async () => {
    const smtp = await startSmtp({ dropFirst: 99 });
    closers.push(smtp.close);
    const records = await deliver({
      email_configs: [{ to: 'ops@example.com', from: 'a@example.com', smarthost: smtp.smarthost, require_tls: false }],
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ok: false, attempts: 3 });
    expect(records[0].error).toMatch(/connection|closed|socket/i);
  });
});
