import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/lib/api/openapi/registry';
import type { Endpoint } from '@/lib/api/openapi/types';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { insertBudget } from '@/lib/llm/budget-store';
import { SYSTEM_CHART_NAMES } from '@/lib/system/charts';
import { ADMIN, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { FuzzClient, type Handler, type SendOptions, type Sent } from './fuzz-client';
import { HOSTILE_JSON, HOSTILE_TEXT, MALFORMED_BODIES } from './fuzz-values';
import { routeFiles } from './route-files';

// Valid bodies to mutate one field at a time, so hostile values reach past the first missing field.
const SAMPLE_BODIES: Record<string, (dir: string) => Record<string, unknown>> = {
  otlpLogs: () => ({ resourceLogs: [] }),
  otlpLogsUnderApi: () => ({ resourceLogs: [] }),
  otlpMetrics: () => ({ resourceMetrics: [] }),
  otlpMetricsUnderApi: () => ({ resourceMetrics: [] }),
  lokiPush: () => ({ streams: [] }),
  createTarget: () => ({
    name: 'fuzz-target',
    url: 'http://127.0.0.1:9/health',
    interval: '30s',
    timeout: '1s',
    conditions: ['[STATUS] == 200'],
  }),
  updateTarget: () => ({ interval: '1m' }),
  createSource: (dir) => ({ name: 'fuzz-source', path: path.join(dir, 'fuzz.log'), format: 'auto' }),
  createSilence: () => ({
    matchers: [{ name: 'alertname', value: 'X' }],
    ends_at: 'now+1h',
    created_by: 'fuzz',
    comment: 'fuzz',
  }),
  previewExpression: () => ({ expr: 'up' }),
  login: () => ({ password: 'not-the-password' }),
  choosePassword: () => ({ password: 'a long enough password', token: ADMIN }),
  createToken: () => ({ name: 'fuzz-token', scope: 'read' }),
  createRule: () => ({
    name: 'FuzzRule',
    expr: 'up == 0',
    for: '1m',
    labels: { severity: 'warning' },
    annotations: { summary: '{{ $value }}' },
  }),
  replaceRule: () => ({ name: 'FuzzRule', expr: 'up == 0', for: '2m' }),
  patchRule: () => ({ for: '5m' }),
  createSlo: () => ({
    name: 'fuzz-slo',
    objective: 99.5,
    window: '7d',
    sli: { kind: 'request_availability', source: 'app', rate_limited: 'bad' },
  }),
  saveLlmPrice: () => ({ provider: 'fuzz', model: 'm', input: 1, output: 2 }),
  createLlmBudget: () => ({ name: 'fuzz-budget', period: 'day', limit_usd: 5 }),
  replaceLlmBudget: () => ({ name: 'fuzz-budget-1', period: 'week', limit_usd: 7 }),
  replaceSlo: () => ({ name: 'fuzz-slo', objective: 99, sli: { kind: 'request_latency', threshold_ms: 500 } }),
  createStatusPage: () => ({
    slug: 'fuzz-page',
    title: 'Fuzz',
    groups: [{ name: 'Core', components: [{ name: 'API', targets: ['svc'] }] }],
  }),
  updateStatusPage: () => ({ title: 'Renamed' }),
  createStatusIncident: () => ({ title: 'Fuzz incident', components: ['API'], message: 'Looking.' }),
  updateStatusIncident: () => ({ title: 'Renamed' }),
  addIncidentUpdate: () => ({ status: 'identified', message: 'Found it.' }),
  addStatusSubscriber: () => ({ url: 'http://127.0.0.1:9/hook' }),
  createMaintenance: () => ({
    name: 'fuzz-window',
    targets: 'all',
    starts_at: '2026-01-01T00:00:00Z',
    duration: '1h',
    time_intervals: [{ weekdays: ['saturday'], location: 'Europe/Paris' }],
    reason: 'fuzz',
  }),
  replaceMaintenance: () => ({
    name: 'fuzz-window',
    targets: 'all',
    starts_at: 1_700_000_000_000,
    ends_at: 1_700_003_600_000,
  }),
};
const VALID_QUERY: Record<string, string> = { chart: SYSTEM_CHART_NAMES[0], source: 'fuzz' };
// Baselines that are meant to be refused: a wrong password.
const BASELINE_4XX = new Set(['login']);

// Prometheus's parameters may come form-encoded, so their schemas take none as required; a valid call still needs these.
const PROMETHEUS_QUERY: Record<string, string> = { query: 'up', start: '0', end: '600', step: '60', 'match[]': 'up' };

/** Valid values for the required query parameters, so a hostile value in one parameter reaches past the others. */
const requiredQuery = (e: Endpoint, except?: string): [string, string][] => [
  ...Object.entries(e.query ?? {})
    .filter(([name, schema]) => name !== except && !schema.safeParse(undefined).success)
    .map(([name]): [string, string] => [name, VALID_QUERY[name] ?? 'x']),
  ...(e.path.startsWith('/prometheus/')
    ? Object.entries(PROMETHEUS_QUERY).filter(([name]) => name !== except && e.query && name in e.query)
    : []),
];

let ctx: ReturnType<typeof makeLookout>;
let rulesDir = '';
let client: FuzzClient;
const send = (e: Endpoint, what: string, opts: SendOptions) => client.send(e, what, opts);

const bodyFuzz = (e: Endpoint, dir: string): [string, string][] => {
  const out: [string, string][] = MALFORMED_BODIES.map((b) => [`malformed body ${JSON.stringify(b.slice(0, 20))}`, b]);
  out.push(
    ...HOSTILE_JSON.map((v): [string, string] => [`body ${JSON.stringify(v)?.slice(0, 20)}`, JSON.stringify(v)]),
  );
  const sample = SAMPLE_BODIES[e.operationId]?.(dir) ?? {};
  for (const key of [...Object.keys(sample), 'unknown_field']) {
    for (const v of [...HOSTILE_JSON, ...HOSTILE_TEXT.slice(0, 20)])
      out.push([`body.${key}=${JSON.stringify(v)?.slice(0, 20)}`, JSON.stringify({ ...sample, [key]: v })]);
  }
  return out;
};

describe('fuzzing every endpoint with hostile input', () => {
  beforeAll(async () => {
    // The public status endpoints' per-address rate limit would answer the flood of hostile values with 429s.
    process.env.LOOKOUT_PUBLIC_RATE_LIMIT = '0';
    client = new FuzzClient(
      new Map(
        (await routeFiles()).flatMap((r) => [...r.methods].map(([m, h]) => [`${m} ${r.path}`, h] as [string, Handler])),
      ),
    );
    const rules = 'groups: [{ name: g, rules: [{ alert: Down, expr: up == 0, for: 1m }] }]';
    rulesDir = tempDir();
    const dir = rulesDir;
    fs.writeFileSync(path.join(dir, 'alerts.yml'), rules);
    const config = [
      'targets: [{ name: svc, url: "http://127.0.0.1:9/health", interval: 30s }, { name: hook, url: "http://127.0.0.1:9/health", interval: 30s }, { name: beat, type: heartbeat, period: 1h, token: fuzz-heartbeat-token-0001 }]',
      `rule_files: [${path.join(dir, 'alerts.yml')}]`,
      'alerting:',
      '  route: { receiver: hook }',
      '  receivers: [{ name: hook, webhook_configs: [{ url: "http://127.0.0.1:9/hook" }] }]',
      // A status page showing a target named like the fuzz client's {name}, so page and badge baselines answer 200.
      'status_pages: [{ slug: main, title: Main, groups: [{ components: [{ name: API, targets: [svc, hook] }] }] }]',
    ].join('\n');
    ctx = makeLookout({ clock: new FakeClock(Date.UTC(2026, 10, 27, 12)), config });
    // Budget 1, made in Lookout (not provisioned), so its read and replace baselines answer 200.
    insertBudget(ctx.lookout.db, { name: 'fuzz-budget-1', period: 'day', limit_usd: 5 }, ctx.clock.now(), false);
    const writer = new CheckWriter(ctx.lookout.db, ctx.clock);
    writer.push(1, {
      ts: ctx.clock.now() - 60_000,
      up: true,
      statusCode: 200,
      latencyMs: 12,
      error: null,
      gauges: { providers_healthy: 2 },
    });
    writer.flush();
    const line = (i: number) =>
      JSON.stringify({
        level: i % 5 ? 'info' : 'error',
        msg: 'HTTP response sent',
        status: i % 5 ? 200 : 502,
        duration: 0.4,
        time: new Date(ctx.clock.now() - i * 30_000).toISOString(),
        type: 'response',
      });
    const ingest = ENDPOINTS.find((e) => e.operationId === 'ingestLogs')!;
    const seeded = await send(ingest, 'seed', {
      body: Array.from({ length: 50 }, (_, i) => line(i)).join('\n'),
      type: 'application/x-ndjson',
      query: [['source', 'app']],
    });
    expect(seeded.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await ctx?.close();
    fs.rmSync(rulesDir, { recursive: true, force: true });
  });

  it('answers every hostile value without a 5xx, with an error code on every 4xx and the documented shape on every 2xx', async () => {
    const ordered = [...ENDPOINTS].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    const statuses = new Map<number, number>();
    for (const e of ordered) {
      const results: Sent[] = [];
      const sample = SAMPLE_BODIES[e.operationId]?.(ctx.dir);
      if (e.method !== 'DELETE') {
        const base = await send(e, 'baseline', {
          query: requiredQuery(e),
          ...(sample ? { body: JSON.stringify(sample) } : {}),
        });
        if (base.status >= 300 !== BASELINE_4XX.has(e.operationId))
          client.failures.push(`${e.method} ${e.path} baseline → ${base.status}`);
        results.push(base);
      }
      for (const name of Object.keys(e.query ?? {})) {
        for (const v of HOSTILE_TEXT)
          results.push(
            await send(e, `?${name}=${JSON.stringify(v.slice(0, 20))}`, {
              query: [...requiredQuery(e, name), [name, v]],
            }),
          );
        results.push(
          await send(e, `?${name} twice`, { query: [...requiredQuery(e, name), [name, 'now'], [name, 'x']] }),
        );
      }
      for (const [from, to] of [
        ['0', 'now'],
        ['0', '253402300799999'],
        ['now-400d', 'now'],
        ['now', 'now'],
        ['now+1h', 'now'],
      ]) {
        if (e.query?.from)
          results.push(
            await send(e, `from=${from}&to=${to}`, { query: [...requiredQuery(e), ['from', from], ['to', to]] }),
          );
      }
      for (const name of Object.keys(e.pathParams ?? {})) {
        for (const v of HOSTILE_TEXT)
          results.push(
            await send(e, `{${name}}=${JSON.stringify(v.slice(0, 20))}`, {
              path: { [name]: v },
              query: requiredQuery(e),
            }),
          );
      }
      if (e.body) for (const [what, body] of bodyFuzz(e, ctx.dir)) results.push(await send(e, what, { body }));
      if (e.rawBody) {
        for (const v of [...MALFORMED_BODIES, ...HOSTILE_TEXT])
          results.push(
            await send(e, `raw body ${JSON.stringify(v.slice(0, 20))}`, {
              body: v,
              // OTLP and Loki take JSON or protobuf only; anything else is a 415 before the body is read.
              type: e.tag === 'otlp' || e.tag === 'loki' ? 'application/json' : 'application/x-ndjson',
              query: [['source', 'fuzz']],
            }),
          );
      }
      for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    expect(client.failures, client.failures.slice(0, 40).join('\n')).toEqual([]);
    expect(client.sent).toBeGreaterThan(2_000);
    expect(statuses.get(400)).toBeGreaterThan(500);
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
  }, 300_000);
});
