import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENDPOINTS } from '@/lib/api/openapi/registry';
import type { Endpoint } from '@/lib/api/openapi/types';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { SYSTEM_CHART_NAMES } from '@/lib/system/charts';
import { ADMIN, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { type RouteFile, routeFiles } from './route-files';

/**
 * The browser's types are z.infer of the response shapes, so a field the server sends but the shape
 * leaves out is invisible to the browser's type checker. Every JSON answer of every GET, on a
 * Lookout with data, must parse with its shape and carry no field the shape does not name.
 */
function undeclared(schema: z.ZodType, value: unknown, at: string): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return value == null ? [] : undeclared(schema.unwrap() as z.ZodType, value, at);
  if (schema instanceof z.ZodDefault) return undeclared(schema.unwrap() as z.ZodType, value, at);
  if (schema instanceof z.ZodPipe) return undeclared(schema.in as z.ZodType, value, at);
  if (schema instanceof z.ZodArray)
    return (value as unknown[]).flatMap((v, i) => undeclared(schema.element as z.ZodType, v, `${at}[${i}]`));
  if (schema instanceof z.ZodRecord)
    return Object.entries(value as object).flatMap(([k, v]) =>
      undeclared(schema.valueType as z.ZodType, v, `${at}.${k}`),
    );
  if (schema instanceof z.ZodUnion) {
    const fits = (schema.options as z.ZodType[])
      .filter((o) => o.safeParse(value).success)
      .map((o) => undeclared(o, value, at));
    return fits.sort((a, b) => a.length - b.length)[0] ?? [];
  }
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.entries(value as object).flatMap(([k, v]) =>
      k in shape ? undeclared(shape[k], v, `${at}.${k}`) : [`${at}.${k}`],
    );
  }
  return [];
}

const T0 = Date.UTC(2026, 10, 27, 12);
let ctx: ReturnType<typeof makeLookout>;
let routes: RouteFile[];
let dir: string;

async function send(
  e: { method: string; path: string },
  opts: { body?: string; type?: string; query?: string; params?: Record<string, string> } = {},
) {
  const route = routes.find((r) => r.path === e.path)!;
  const params = opts.params ?? {};
  const url = `http://127.0.0.1${e.path.replace(/\{(\w+)\}/g, (_, k: string) => params[k])}${opts.query ?? ''}`;
  const headers: Record<string, string> = { authorization: `Bearer ${ADMIN}` };
  if (opts.body !== undefined) headers['content-type'] = opts.type ?? 'application/json';
  return route.methods.get(e.method as never)!(new Request(url, { method: e.method, headers, body: opts.body }), {
    params: Promise.resolve(params),
  });
}

beforeAll(async () => {
  routes = await routeFiles();
  dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'alerts.yml'),
    'groups: [{ name: g, rules: [{ alert: Down, expr: up == 0, for: 1m }, { record: job:up, expr: up }] }]',
  );
  fs.writeFileSync(path.join(dir, 'app.log'), '{"level":"info","msg":"hello"}\n');
  const config = [
    'targets: [{ name: svc, url: "http://127.0.0.1:9/health", interval: 30s }]',
    `rule_files: [${path.join(dir, 'alerts.yml')}]`,
    'processes: [{ name: me, pid_file: me.pid }]',
    'slos: [{ name: svc-up, objective: 99, sli: { kind: probe_availability, target: svc } }]',
    'llm: { budgets: [{ name: all-daily, period: day, limit_usd: 5 }] }',
    'alerting:',
    '  route: { receiver: hook }',
    '  receivers: [{ name: hook, webhook_configs: [{ url: "http://127.0.0.1:9/hook" }] }]',
    'status_pages: [{ slug: main, title: Main, groups: [{ name: Core, components: [{ name: API, targets: [svc] }] }] }]',
    'maintenance_windows: [{ name: nightly, targets: [svc], starts_at: "2020-01-01T00:00:00Z", ends_at: "2020-02-01T00:00:00Z",',
    '  time_intervals: [{ times: [{ start_time: "02:00", end_time: "03:00" }], location: Europe/Paris }], reason: backups }]',
  ].join('\n');
  const clock = new FakeClock(T0);
  ctx = makeLookout({ clock, config });
  fs.writeFileSync(path.join(ctx.dir, 'me.pid'), String(process.pid));
  const writer = new CheckWriter(ctx.lookout.db, clock);
  writer.push(1, { ts: T0 - 90_000, up: false, statusCode: 503, latencyMs: 40, error: 'HTTP 503', gauges: {} });
  writer.push(1, {
    ts: T0 - 60_000,
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
      time: new Date(T0 - i * 30_000).toISOString(),
      type: 'response',
    });
  const byName = (id: string) => ENDPOINTS.find((e) => e.operationId === id)!;
  expect(
    (
      await send(byName('ingestLogs'), {
        body: Array.from({ length: 20 }, (_, i) => line(i)).join('\n'),
        type: 'application/x-ndjson',
        query: '?source=app',
      })
    ).status,
  ).toBe(200);
  expect(
    (await send(byName('createSource'), { body: JSON.stringify({ name: 'file', path: path.join(dir, 'app.log') }) }))
      .status,
  ).toBe(201);
  expect(
    (
      await send(byName('createSilence'), {
        body: JSON.stringify({
          matchers: [{ name: 'alertname', value: 'Down' }],
          ends_at: 'now+1h',
          created_by: 't',
          comment: 'c',
        }),
      })
    ).status,
  ).toBe(201);
  expect((await send(byName('createToken'), { body: JSON.stringify({ name: 'ro', scope: 'read' }) })).status).toBe(201);
  expect(
    (await send(byName('createRule'), { body: JSON.stringify({ name: 'Mine', expr: 'up == 0', for: '1m' }) })).status,
  ).toBe(201);
  ctx.lookout.system.sampleOnce();
  clock.advance(15_000);
  ctx.lookout.system.sampleOnce();
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const QUERY: Record<string, string> = {
  getSystemSeries: `?chart=${SYSTEM_CHART_NAMES[0]}`,
  getTargetSparklines: '?from=now-1h',
  prometheusQuery: '?query=up',
  prometheusQueryRange: `?query=up&start=${(T0 - 600_000) / 1000}&end=${T0 / 1000}&step=60`,
  prometheusSeries: '?match[]=up',
};
const PATH: Record<string, string> = { id: '1', name: 'hook' };

describe('response shapes', () => {
  it('name every field of every JSON answer to a GET', async () => {
    const problems: string[] = [];
    const checked: string[] = [];
    const gets = ENDPOINTS.filter(
      (e): e is Endpoint & { response: z.ZodType } => e.method === 'GET' && !!e.response && !e.produces,
    );
    for (const e of gets) {
      const params = Object.fromEntries(Object.keys(e.pathParams ?? {}).map((k) => [k, PATH[k]]));
      const res = await send(e, { params, query: QUERY[e.operationId] ?? '?from=now-1h' });
      if (res.status !== 200) {
        problems.push(`${e.operationId}: ${res.status} ${await res.text()}`);
        continue;
      }
      const body: unknown = await res.json();
      const parsed = e.response.safeParse(body);
      if (!parsed.success) problems.push(`${e.operationId}: ${parsed.error.message.slice(0, 300)}`);
      if (e.operationId !== 'getOpenApi')
        problems.push(...undeclared(e.response, body, e.operationId).map((p) => `${p} is not in the shape`));
      checked.push(e.operationId);
    }
    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThan(25);
  });
});
