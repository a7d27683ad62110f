import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import * as rules from '@/app/api/v1/rules/route';
import * as alerts from '@/app/api/v1/alerts/route';
import * as silences from '@/app/api/v1/silences/route';
import * as silence from '@/app/api/v1/silences/[id]/route';
import * as notifications from '@/app/api/v1/notifications/route';
import * as preview from '@/app/api/v1/rules/preview/route';
import * as testReceiver from '@/app/api/v1/receivers/[name]/test/route';
import { call, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { startReceiver } from '../alerting/receiver';

const CCPROXY_RULES = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'demo', 'alerts.yml'), 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

describe('alerting through the engine', () => {
  it('fires CCProxyDown after `for`, notifies the webhook once, resolves, and serves rules, alerts, silences and notifications', async () => {
    const receiver = await startReceiver([{ status: 200 }]);
    cleanup.push(receiver.close);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'alerts.yml'), CCPROXY_RULES);
    const config = [
      'global: { evaluation_interval: 15s }',
      'targets: [{ name: ccproxy, url: "http://127.0.0.1:9/health", interval: 5s }]',
      `rule_files: [${path.join(dir, 'alerts.yml')}]`,
      'alerting:',
      '  route: { receiver: hook, group_by: [alertname], group_wait: 10s, group_interval: 10s, repeat_interval: 1h }',
      `  receivers: [{ name: hook, webhook_configs: [{ url: "${receiver.url}" }] }]`,
    ].join('\n');
    const clock = new FakeClock(Date.UTC(2026, 10, 27, 12));
    const ctx = makeLookout({ clock, config });
    cleanup.push(ctx.close);
    const { lookout } = ctx;
    const writer = new CheckWriter(lookout.db, clock);
    lookout.alerts.start();

    const run = async (seconds: number, up: boolean) => {
      for (let s = 0; s < seconds; s += 5) {
        writer.push(1, { ts: clock.now(), up, statusCode: up ? 200 : null, latencyMs: 5, error: up ? null : 'connection refused', gauges: {} });
        writer.flush();
        clock.advance(5_000);
        await sleep(5);
      }
    };
    await run(60, true);
    await run(45, false);
    let firing = (await call(alerts.GET, '/api/v1/alerts')).body as { data: { name: string; state: string }[] };
    expect(firing.data.map((a) => [a.name, a.state])).toEqual([['CCProxyDown', 'pending']]);
    await run(60, false);
    firing = (await call(alerts.GET, '/api/v1/alerts')).body as { data: { name: string; state: string }[] };
    expect(firing.data.map((a) => [a.name, a.state])).toEqual([['CCProxyDown', 'firing']]);
    for (let i = 0; i < 50 && receiver.bodies.length === 0; i++) await sleep(20);
    expect(receiver.bodies).toHaveLength(1);
    expect(receiver.bodies[0].body).toMatchObject({ version: '4', status: 'firing', receiver: 'hook', commonLabels: { alertname: 'CCProxyDown', severity: 'critical' } });

    await run(60, true);
    for (let i = 0; i < 50 && receiver.bodies.length < 2; i++) await sleep(20);
    expect(receiver.bodies.map((b) => (b.body as { status: string }).status)).toEqual(['firing', 'resolved']);

    const groups = (await call(rules.GET, '/api/v1/rules')).body as { groups: { name: string; interval_s: number; rules: { name: string; health: string; for_s: number }[] }[] };
    expect(groups.groups[0]).toMatchObject({ name: 'ccproxy', interval_s: 15 });
    expect(groups.groups[0].rules.map((r) => [r.name, r.health, r.for_s])).toEqual([
      ['CCProxyDown', 'ok', 60],
      ['HighErrorRate', 'ok', 120],
      ['HighLatency', 'ok', 180],
    ]);
    const log = (await call(notifications.GET, '/api/v1/notifications')).body as { data: { receiver: string; status: string; ok: boolean }[] };
    expect(log.data.map((n) => [n.receiver, n.status, n.ok])).toEqual([
      ['hook', 'resolved', true],
      ['hook', 'firing', true],
    ]);
    expect(JSON.stringify(log)).not.toContain('SECRET-TOKEN');

    const p = (await call(preview.POST, '/api/v1/rules/preview', { method: 'POST', body: { expr: 'up{job="ccproxy"}' } })).body as { data: { result: { labels: Record<string, string>; value: number }[]; error: string | null } };
    expect(p.data).toMatchObject({ error: null, result: [{ labels: { __name__: 'up', job: 'ccproxy' }, value: 1 }] });
    const unsupported = (await call(preview.POST, '/api/v1/rules/preview', { method: 'POST', body: { expr: 'label_replace(up, "a", "b", "c", "d")' } })).body as { data: { error: string } };
    expect(unsupported.data.error).toMatch(/unsupported PromQL/);

    const sent = await testReceiver.POST(
      new Request('http://127.0.0.1/api/v1/receivers/hook/test', { method: 'POST', headers: { authorization: 'Bearer test-admin-token' } }),
      { params: Promise.resolve({ name: 'hook' }) },
    );
    expect(await sent.json()).toEqual({ data: [{ integration: 'webhook[0]', ok: true, attempts: 1, error: null }] });
    expect((receiver.bodies.at(-1)!.body as { alerts: { labels: { alertname: string } }[] }).alerts[0].labels.alertname).toBe('LookoutTestNotification');
    const missing = await testReceiver.POST(
      new Request('http://127.0.0.1/api/v1/receivers/nope/test', { method: 'POST', headers: { authorization: 'Bearer test-admin-token' } }),
      { params: Promise.resolve({ name: 'nope' }) },
    );
    expect(missing.status).toBe(404);

    const bad = await call(silences.POST, '/api/v1/silences', { method: 'POST', body: { matchers: [], ends_at: 'now+1h', created_by: 'me', comment: 'x' } });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/matchers/);
    const created = await call(silences.POST, '/api/v1/silences', {
      method: 'POST',
      body: { matchers: [{ name: 'alertname', value: 'CCProxyDown', isRegex: false, isEqual: true }], ends_at: 'now+2h', created_by: 'ops', comment: 'maintenance' },
    });
    expect(created.status).toBe(201);
    const s = (created.body as { data: { id: string; status: string; created_by: string } }).data;
    expect(s).toMatchObject({ status: 'active', created_by: 'ops' });
    const listed = (await call(silences.GET, '/api/v1/silences')).body as { data: { id: string }[] };
    expect(listed.data.map((x) => x.id)).toEqual([s.id]);
    expect((await call(silence.DELETE, `/api/v1/silences/${s.id}`, { method: 'DELETE', id: s.id })).status).toBe(204);
    expect((await call(silence.DELETE, '/api/v1/silences/nope', { method: 'DELETE', id: 'nope' })).status).toBe(400);
  });
});
