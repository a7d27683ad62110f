import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as reload from '@/app/api/v1/config/reload/route';
import * as exportRoute from '@/app/api/v1/rules/export/route';
import * as rules from '@/app/api/v1/rules/route';
import * as one from '@/app/api/v1/slos/[id]/route';
import * as slos from '@/app/api/v1/slos/route';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { call, lookoutPerTest } from '../helpers/lookout';

type Err = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
type SloBody = {
  id: number;
  name: string;
  provisioned: boolean;
  sli: { kind: string };
  budget: { remaining: number; good: number; total: number; remaining_minutes: number; unit: string };
  burn_rate: Record<string, number | null>;
  forecast: { exhausted_at: string | null };
  burndown?: [number, number][] | null;
};

const start = lookoutPerTest();
const T0 = Date.UTC(2026, 1, 10, 9, 30, 17);
const CONFIG = [
  'targets: [{ name: api, url: "http://127.0.0.1:9/health", interval: 30s }]',
  'slos:',
  '  - name: api-up',
  '    objective: 99',
  '    window: 7d',
  '    sli: { kind: probe_availability, target: api }',
].join('\n');

describe('/api/v1/slos', () => {
  it('creates, reads, replaces and deletes an SLO, naming the field it refuses', async () => {
    start({ clock: new FakeClock(T0) });
    const body = {
      name: 'requests',
      service: 'ccproxy',
      objective: 99.5,
      window: '28d',
      sli: { kind: 'request_availability', provider: 'groq', rate_limited: 'excluded' },
    };
    const made = await call(slos.POST, '/api/v1/slos', { method: 'POST', body });
    expect(made.status).toBe(201);
    const slo = (made.body as { data: SloBody }).data;
    // Without events the budget is whole and nothing burns.
    expect(slo).toMatchObject({
      name: 'requests',
      provisioned: false,
      budget: { remaining: 100, good: 0, total: 0, unit: 'requests', remaining_minutes: 201.6 },
      burn_rate: { '5m': null, '1h': null, '6h': null, '3d': null },
      forecast: { exhausted_at: null },
    });

    const again = await call(slos.POST, '/api/v1/slos', { method: 'POST', body });
    expect(again.status).toBe(409);
    expect((again.body as Err).error.code).toBe('name_taken');

    const bad = await call(slos.POST, '/api/v1/slos', {
      method: 'POST',
      body: { ...body, name: 'x', objective: 100, sli: { kind: 'request_latency', threshold_ms: 300 } },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Err).error.issues?.map((i) => i.path).sort()).toEqual(['objective', 'sli.threshold_ms']);

    // A name lands in PromQL and alert templates: braces and quotes are refused, by field.
    const braces = await call(slos.POST, '/api/v1/slos', { method: 'POST', body: { ...body, name: 'a {{ $value }}' } });
    expect(braces.status).toBe(400);
    expect((braces.body as Err).error.issues?.map((i) => i.path)).toEqual(['name']);

    const byName = await call(one.GET, '/api/v1/slos/requests', { id: 'requests' });
    expect((byName.body as { data: SloBody }).data.id).toBe(slo.id);
    expect((byName.body as { data: SloBody }).data.burndown).toEqual([
      [Date.parse('2026-01-13T09:30:00Z'), 100],
      [Date.parse('2026-01-13T10:00:00Z'), 100],
      ...Array.from({ length: 28 * 24 - 1 }, (_, i) => [Date.parse('2026-01-13T11:00:00Z') + i * 3_600_000, 100]),
      [T0, 100],
    ]);

    const put = await call(one.PUT, `/api/v1/slos/${slo.id}`, {
      method: 'PUT',
      id: slo.id,
      body: { ...body, sli: { kind: 'request_latency', threshold_ms: 1000 } },
    });
    expect(put.status).toBe(200);
    expect((put.body as { data: SloBody }).data.sli).toEqual({ kind: 'request_latency', threshold_ms: 1000 });

    expect((await call(one.DELETE, `/api/v1/slos/${slo.id}`, { method: 'DELETE', id: slo.id })).status).toBe(204);
    expect((await call(one.GET, `/api/v1/slos/${slo.id}`, { id: slo.id })).status).toBe(404);
    expect((await call(one.GET, '/api/v1/slos/%', { id: '%' })).status).toBe(404);
  });

  it('needs admin to change and read rights to read', async () => {
    start();
    const body = { name: 'a', objective: 99, sli: { kind: 'probe_availability', target: 'x' } };
    expect((await call(slos.POST, '/api/v1/slos', { method: 'POST', body, token: null })).status).toBe(401);
    expect((await call(slos.GET, '/api/v1/slos', { token: null })).status).toBe(401);
  });

  it('provisions slos: from the file, read-only, with budgets from the checks and burn-rate rules in /api/v1/rules and the export', async () => {
    const clock = new FakeClock(T0);
    const ctx = start({ clock, config: CONFIG });
    const writer = new CheckWriter(ctx.lookout.db, clock);
    // 100 checks in the last 50 minutes, 3 of them failed: 3 % bad against a 1 % objective.
    for (let i = 0; i < 100; i++)
      writer.push(1, {
        ts: T0 - 50 * 60_000 + i * 30_000,
        up: i % 33 !== 5,
        statusCode: 200,
        latencyMs: 5,
        error: null,
        gauges: {},
      });
    writer.flush();
    const list = (await call(slos.GET, '/api/v1/slos')).body as { data: SloBody[] };
    expect(list.data).toHaveLength(1);
    const s = list.data[0];
    expect(s).toMatchObject({ name: 'api-up', provisioned: true, budget: { good: 97, total: 100, unit: 'checks' } });
    expect(s.budget.remaining).toBeCloseTo(-200, 6);
    expect(s.burn_rate['1h']).toBeCloseTo(3, 6);
    expect(s.forecast.exhausted_at).toBe(new Date(T0).toISOString());

    const put = await call(one.PUT, `/api/v1/slos/${s.id}`, {
      method: 'PUT',
      id: s.id,
      body: { name: 'api-up', objective: 90, sli: { kind: 'probe_availability', target: 'api' } },
    });
    expect(put.status).toBe(409);
    expect((put.body as Err).error.code).toBe('slo_provisioned');
    expect((await call(one.DELETE, `/api/v1/slos/${s.id}`, { method: 'DELETE', id: s.id })).status).toBe(409);

    const groups = (await call(rules.GET, '/api/v1/rules')).body as {
      groups: { name: string; file: string; rules: { name: string; labels: Record<string, string> }[] }[];
    };
    const g = groups.groups.find((x) => x.name === 'slo:api-up');
    expect(g?.file).toBe('(generated from SLOs)');
    expect(g?.rules.map((r) => [r.name, r.labels.severity, r.labels.long_window])).toEqual([
      ['ErrorBudgetBurn', 'page', '1h'],
      ['ErrorBudgetBurn', 'page', '6h'],
      ['ErrorBudgetBurn', 'ticket', '1d'],
      ['ErrorBudgetBurn', 'ticket', '3d'],
    ]);
    const yaml = await exportRoute.GET(
      new Request('http://127.0.0.1/api/v1/rules/export', { headers: { authorization: 'Bearer test-admin-token' } }),
    );
    expect(await yaml.text()).toContain('name: slo:api-up');

    // Reloading a file without the SLO removes it and its rules.
    fs.writeFileSync(ctx.lookout.env.configFile as string, CONFIG.split('\nslos:')[0]);
    expect((await call(reload.POST, '/api/v1/config/reload', { method: 'POST' })).status).toBe(200);
    expect(((await call(slos.GET, '/api/v1/slos')).body as { data: SloBody[] }).data).toEqual([]);
    const after = (await call(rules.GET, '/api/v1/rules')).body as { groups: { name: string }[] };
    expect(after.groups.map((x) => x.name)).not.toContain('slo:api-up');
  });
});
