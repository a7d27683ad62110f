import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as history from '@/app/api/v1/alerts/history/route';
import * as alerts from '@/app/api/v1/alerts/route';
import * as notifications from '@/app/api/v1/notifications/route';
import * as testReceiver from '@/app/api/v1/receivers/[name]/test/route';
import * as rule from '@/app/api/v1/rules/[id]/route';
import * as exportRoute from '@/app/api/v1/rules/export/route';
import * as preview from '@/app/api/v1/rules/preview/route';
import * as rules from '@/app/api/v1/rules/route';
import * as silence from '@/app/api/v1/silences/[id]/route';
import * as silences from '@/app/api/v1/silences/route';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import type { Lookout } from '@/lib/engine/context';
import { clearLookout, setLookout } from '@/lib/engine/instance';
import { startLookout } from '@/lib/engine/lookout';
import { reloadConfig } from '@/lib/engine/reload';
import { parseRuleFile } from '@/lib/rules';
import { startReceiver } from '../alerting/receiver';
import { call, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';

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
        writer.push(1, {
          ts: clock.now(),
          up,
          statusCode: up ? 200 : null,
          latencyMs: 5,
          error: up ? null : 'connection refused',
          gauges: {},
        });
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
    expect(receiver.bodies[0].body).toMatchObject({
      version: '4',
      status: 'firing',
      receiver: 'hook',
      commonLabels: { alertname: 'CCProxyDown', severity: 'critical' },
    });

    await run(60, true);
    for (let i = 0; i < 50 && receiver.bodies.length < 2; i++) await sleep(20);
    expect(receiver.bodies.map((b) => (b.body as { status: string }).status)).toEqual(['firing', 'resolved']);

    const groups = (await call(rules.GET, '/api/v1/rules')).body as {
      groups: { name: string; interval_s: number; rules: { name: string; health: string; for_s: number }[] }[];
    };
    expect(groups.groups[0]).toMatchObject({ name: 'ccproxy', interval_s: 15 });
    expect(groups.groups[0].rules.map((r) => [r.name, r.health, r.for_s])).toEqual([
      ['CCProxyDown', 'ok', 60],
      ['HighErrorRate', 'ok', 120],
      ['HighLatency', 'ok', 180],
    ]);
    const log = (await call(notifications.GET, '/api/v1/notifications')).body as {
      data: { receiver: string; status: string; ok: boolean }[];
    };
    expect(log.data.map((n) => [n.receiver, n.status, n.ok])).toEqual([
      ['hook', 'resolved', true],
      ['hook', 'firing', true],
    ]);
    expect(JSON.stringify(log)).not.toContain('SECRET-TOKEN');

    const p = (
      await call(preview.POST, '/api/v1/rules/preview', { method: 'POST', body: { expr: 'up{job="ccproxy"}' } })
    ).body as { data: { result: { labels: Record<string, string>; value: number }[]; error: string | null } };
    expect(p.data).toMatchObject({ error: null, result: [{ labels: { __name__: 'up', job: 'ccproxy' }, value: 1 }] });
    const unsupported = (
      await call(preview.POST, '/api/v1/rules/preview', { method: 'POST', body: { expr: 'histogram_count(up)' } })
    ).body as { data: { error: string } };
    expect(unsupported.data.error).toMatch(/unsupported PromQL/);

    const sent = await testReceiver.POST(
      new Request('http://127.0.0.1/api/v1/receivers/hook/test', {
        method: 'POST',
        headers: { authorization: 'Bearer test-admin-token' },
      }),
      { params: Promise.resolve({ name: 'hook' }) },
    );
    expect(await sent.json()).toEqual({ data: [{ integration: 'webhook[0]', ok: true, attempts: 1, error: null }] });
    expect(
      (receiver.bodies.at(-1)!.body as { alerts: { labels: { alertname: string } }[] }).alerts[0].labels.alertname,
    ).toBe('LookoutTestNotification');
    const missing = await testReceiver.POST(
      new Request('http://127.0.0.1/api/v1/receivers/nope/test', {
        method: 'POST',
        headers: { authorization: 'Bearer test-admin-token' },
      }),
      { params: Promise.resolve({ name: 'nope' }) },
    );
    expect(missing.status).toBe(404);

    const bad = await call(silences.POST, '/api/v1/silences', {
      method: 'POST',
      body: { matchers: [], ends_at: 'now+1h', created_by: 'me', comment: 'x' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/matchers/);
    const created = await call(silences.POST, '/api/v1/silences', {
      method: 'POST',
      body: {
        matchers: [{ name: 'alertname', value: 'CCProxyDown', isRegex: false, isEqual: true }],
        ends_at: 'now+2h',
        created_by: 'ops',
        comment: 'maintenance',
      },
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

type Err = { error: { code: string; message: string } };
type Groups = {
  groups: {
    name: string;
    file: string;
    interval_s: number;
    editable: boolean;
    rules: { id: number | null; name: string; expr: string; for_s: number; health: string; state: string }[];
  }[];
};
type Period = { state: string; start: string; end: string | null; value: number | null };
type History = { data: { name: string; labels: Record<string, string>; periods: Period[] }[] };

const RULE = {
  name: 'WebDown',
  expr: 'up{job="web"} == 0',
  for: '30s',
  keep_firing_for: '15s',
  labels: { severity: 'page' },
  annotations: {
    summary: 'web is down',
    runbook_url: 'https://runbooks.example.com/web',
    description: 'up is {{ $value }} on {{ $labels.instance }}',
  },
};

describe('rules made in /alerts', () => {
  it('creates, lists, edits and deletes them; file rules are read-only; bad input is a 400 naming the field', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'alerts.yml'), CCPROXY_RULES);
    const ctx = makeLookout({
      config: `rule_files: [${path.join(dir, 'alerts.yml')}]\nglobal: { evaluation_interval: 20s }`,
    });
    cleanup.push(ctx.close);

    const created = await call(rules.POST, '/api/v1/rules', { method: 'POST', body: RULE });
    expect(created.status).toBe(201);
    const made = (
      created.body as {
        data: { id: number; for_s: number; keep_firing_for_s: number; annotations: Record<string, string> };
      }
    ).data;
    expect(made).toMatchObject({
      name: 'WebDown',
      for_s: 30,
      keep_firing_for_s: 15,
      annotations: { runbook_url: 'https://runbooks.example.com/web' },
    });
    expect((await call(rules.POST, '/api/v1/rules', { method: 'POST', body: RULE, token: 'nope' })).status).toBe(401);

    const listed = (await call(rules.GET, '/api/v1/rules')).body as Groups;
    expect(listed.groups.map((g) => [g.name, g.editable])).toEqual([
      ['ccproxy', false],
      ['lookout-ui', true],
    ]);
    const ui = listed.groups[1];
    expect(ui).toMatchObject({
      interval_s: 20,
      rules: [{ id: made.id, name: 'WebDown', expr: 'up{job="web"} == 0', for_s: 30 }],
    });
    expect(listed.groups[0].rules.every((r) => r.id === null)).toBe(true);

    const badExpr = await call(rules.POST, '/api/v1/rules', {
      method: 'POST',
      body: { ...RULE, expr: 'up{job="web" ==' },
    });
    expect(badExpr.status).toBe(400);
    expect((badExpr.body as Err).error.message).toMatch(/^expr: /);
    const unsupported = await call(rules.POST, '/api/v1/rules', {
      method: 'POST',
      body: { ...RULE, expr: 'histogram_count(up)' },
    });
    expect((unsupported.body as Err).error.message).toMatch(/^expr: unsupported PromQL/);
    const badFor = await call(rules.POST, '/api/v1/rules', { method: 'POST', body: { ...RULE, for: 'soon' } });
    expect([badFor.status, (badFor.body as Err).error.message]).toEqual([
      400,
      expect.stringMatching(/^for: not a valid duration/),
    ]);
    const badTemplate = await call(rules.POST, '/api/v1/rules', {
      method: 'POST',
      body: { ...RULE, annotations: { summary: '{{ nosuchfn 1 }}' } },
    });
    expect((badTemplate.body as Err).error.message).toMatch(/^annotations\.summary: template/);
    const badLabel = await call(rules.POST, '/api/v1/rules', {
      method: 'POST',
      body: { ...RULE, labels: { 'bad-name': 'x' } },
    });
    expect((badLabel.body as Err).error.message).toMatch(/^labels/);
    const extra = await call(rules.POST, '/api/v1/rules', { method: 'POST', body: { ...RULE, record: 'x' } });
    expect(extra.status).toBe(400);
    expect((await call(rules.POST, '/api/v1/rules', { method: 'POST', body: '{' })).status).toBe(400);

    const readOnly = await call(rule.PATCH, '/api/v1/rules/CCProxyDown', {
      method: 'PATCH',
      id: 'CCProxyDown',
      body: { for: '5m' },
    });
    expect(readOnly.status).toBe(409);
    expect((readOnly.body as Err).error).toMatchObject({
      code: 'rule_read_only',
      message: expect.stringContaining('alerts.yml'),
    });
    expect((await call(rule.DELETE, '/api/v1/rules/HighLatency', { method: 'DELETE', id: 'HighLatency' })).status).toBe(
      409,
    );
    expect((await call(rule.DELETE, '/api/v1/rules/999', { method: 'DELETE', id: '999' })).status).toBe(404);

    const patched = await call(rule.PATCH, `/api/v1/rules/${made.id}`, {
      method: 'PATCH',
      id: made.id,
      body: { for: '1m', labels: { severity: 'ticket' } },
    });
    expect(patched.status).toBe(200);
    expect((patched.body as { data: unknown }).data).toMatchObject({
      for_s: 60,
      keep_firing_for_s: 15,
      labels: { severity: 'ticket' },
      annotations: { summary: 'web is down' },
    });
    const badPatch = await call(rule.PATCH, `/api/v1/rules/${made.id}`, {
      method: 'PATCH',
      id: made.id,
      body: { expr: 'rate(up[5m' },
    });
    expect([badPatch.status, (badPatch.body as Err).error.message.slice(0, 6)]).toEqual([400, 'expr: ']);
    const replaced = await call(rule.PUT, `/api/v1/rules/WebDown`, {
      method: 'PUT',
      id: 'WebDown',
      body: { name: 'WebDown', expr: 'up == 0' },
    });
    expect((replaced.body as { data: unknown }).data).toMatchObject({
      id: made.id,
      expr: 'up == 0',
      for_s: 0,
      labels: {},
      annotations: {},
    });
    const engineView = ((await call(rules.GET, '/api/v1/rules')).body as Groups).groups[1].rules[0];
    expect(engineView).toMatchObject({ expr: 'up == 0', for_s: 0 });

    expect((await call(rule.DELETE, `/api/v1/rules/${made.id}`, { method: 'DELETE', id: made.id })).status).toBe(204);
    expect(((await call(rules.GET, '/api/v1/rules')).body as Groups).groups.map((g) => g.name)).toEqual(['ccproxy']);
  });

  it('exports them as a rule file that loads back unchanged', async () => {
    const ctx = makeLookout();
    cleanup.push(ctx.close);
    const empty = await exportRoute.GET(
      new Request('http://127.0.0.1/api/v1/rules/export', { headers: { authorization: 'Bearer test-admin-token' } }),
    );
    expect(await empty.text()).toBe('groups: []\n');
    await call(rules.POST, '/api/v1/rules', { method: 'POST', body: RULE });
    await call(rules.POST, '/api/v1/rules', {
      method: 'POST',
      body: {
        name: 'SlowP95',
        expr: 'histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) > 2',
        for: '1h30m',
      },
    });
    const res = await exportRoute.GET(
      new Request('http://127.0.0.1/api/v1/rules/export', { headers: { authorization: 'Bearer test-admin-token' } }),
    );
    expect(res.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(res.headers.get('content-disposition')).toContain('lookout-rules.yml');
    const [group] = parseRuleFile(await res.text(), 'export.yml', 15_000);
    expect(group.name).toBe('lookout-ui');
    expect(group.rules.map((r) => [r.name, r.exprText, r.forMs, r.keepFiringForMs, r.labels, r.annotations])).toEqual([
      ['WebDown', RULE.expr, 30_000, 15_000, RULE.labels, RULE.annotations],
      ['SlowP95', 'histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) > 2', 5_400_000, 0, {}, {}],
    ]);
    const noAuth = await exportRoute.GET(new Request('http://127.0.0.1/api/v1/rules/export'));
    expect(noAuth.status).toBe(401);
  });

  it('are evaluated with the global interval, keep their alert across reload and restart, and leave a history', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 27, 12));
    const config =
      'global: { evaluation_interval: 15s }\ntargets: [{ name: web, url: "http://127.0.0.1:9/health", interval: 5s }]';
    const ctx = makeLookout({ clock, config });
    let current: Lookout = ctx.lookout;
    cleanup.push(async () => {
      clearLookout();
      await current.stop();
      fs.rmSync(ctx.dir, { recursive: true, force: true });
    });
    await call(rules.POST, '/api/v1/rules', { method: 'POST', body: { ...RULE, keep_firing_for: '0s' } });
    current.alerts.start();
    const run = async (seconds: number, up: boolean) => {
      const writer = new CheckWriter(current.db, clock);
      for (let s = 0; s < seconds; s += 5) {
        writer.push(1, {
          ts: clock.now(),
          up,
          statusCode: up ? 200 : null,
          latencyMs: 5,
          error: up ? null : 'connection refused',
          gauges: {},
        });
        writer.flush();
        clock.advance(5_000);
        await sleep(2);
      }
    };
    const t0 = clock.now();
    await run(30, true);
    await run(20, false);
    const state = async () =>
      ((await call(alerts.GET, '/api/v1/alerts')).body as { data: { name: string; state: string }[] }).data.map(
        (a) => a.state,
      );
    expect(await state()).toEqual(['pending']);

    fs.writeFileSync(path.join(ctx.dir, 'lookout.yml'), `${config}\nrule_files: []`);
    await reloadConfig(current);
    expect(await state()).toEqual(['pending']);
    expect(((await call(rules.GET, '/api/v1/rules')).body as Groups).groups).toMatchObject([
      { name: 'lookout-ui', interval_s: 15 },
    ]);

    await run(30, false);
    expect(await state()).toEqual(['firing']);
    clearLookout();
    await current.stop();
    current = startLookout({ clock, probes: false, env: ctx.lookout.env });
    setLookout(current);
    current.alerts.start();
    expect(await state()).toEqual(['firing']);
    await run(30, true);
    expect(await state()).toEqual([]);

    const h = (await call(history.GET, `/api/v1/alerts/history?from=${t0}&to=now`)).body as History;
    expect(h.data).toHaveLength(1);
    expect(h.data[0]).toMatchObject({
      name: 'WebDown',
      labels: { alertname: 'WebDown', job: 'web', severity: 'page' },
    });
    const [pending, firing] = h.data[0].periods;
    expect(pending).toMatchObject({ state: 'pending', value: 0 });
    expect(firing).toMatchObject({ state: 'firing', start: pending.end, value: 0 });
    expect(Date.parse(firing.start) - Date.parse(pending.start)).toBe(30_000);
    expect(firing.end).not.toBeNull();
    // A range that starts while it fired still shows the period, from its true start.
    const mid = Date.parse(firing.start) + 2_000;
    const inside = (await call(history.GET, `/api/v1/alerts/history?from=${mid}&to=${mid + 1_000}`)).body as History;
    expect(inside.data[0].periods).toEqual([firing]);
    expect(
      ((await call(history.GET, `/api/v1/alerts/history?from=${t0 - 7_200_000}&to=${t0 - 3_600_000}`)).body as History)
        .data,
    ).toEqual([]);
    expect((await call(history.GET, '/api/v1/alerts/history?from=yesterday')).status).toBe(400);
    expect((await call(history.GET, '/api/v1/alerts/history', { token: null })).status).toBe(401);
  });
});
