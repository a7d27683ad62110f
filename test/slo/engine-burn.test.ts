import { afterAll, describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { ADMIN, makeLookout } from '../helpers/lookout';

// An odd instant: the rule evaluator reads the 10 s series up to a live edge inside a bucket.
const T0 = Date.UTC(2026, 2, 3, 14, 7, 31, 500);
const MIN = 60_000;

const CONFIG = `
targets: [{ name: api, url: "http://127.0.0.1:9/health", interval: 30s }]
slos:
  - { name: api-up, objective: 99.5, sli: { kind: probe_availability, target: api } }
  - { name: requests, objective: 99, sli: { kind: request_availability, source: app, rate_limited: excluded } }
  - { name: fast, objective: 90, sli: { kind: request_latency, source: app, threshold_ms: 250 } }
`;

let ctx: ReturnType<typeof makeLookout> | null = null;
afterAll(async () => {
  await ctx?.close();
});

describe('burn-rate rules over Lookout’s own series', () => {
  it('page during an outage of probes and requests, and stay quiet for an SLO within its budget', async () => {
    const clock = new FakeClock(T0 - 60 * MIN);
    ctx = makeLookout({ clock, config: CONFIG });
    const writer = new CheckWriter(ctx.lookout.db, clock);
    // An hour of traffic: 50 minutes fine, then 10 minutes where every check and request fails.
    const lines: string[] = [];
    for (let t = T0 - 60 * MIN; t < T0; t += 5_000) {
      const down = t >= T0 - 10 * MIN;
      writer.push(1, { ts: t, up: !down, statusCode: down ? 503 : 200, latencyMs: 5, error: null, gauges: {} });
      lines.push(
        JSON.stringify({
          time: new Date(t).toISOString(),
          level: 'info',
          msg: 'request done',
          status: down ? 502 : t % 3 === 0 ? 429 : 200,
          duration_ms: 120,
        }),
      );
    }
    writer.flush();
    const res = await logs.POST(
      new Request('http://127.0.0.1/api/v1/logs?source=app', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
        body: lines.join('\n'),
      }),
    );
    expect(res.status).toBe(200);
    clock.set(T0);
    const sent = ctx.lookout.alerts.rules.tick(T0);
    const firing = sent
      .filter((a) => a.labels.alertname === 'ErrorBudgetBurn')
      .map((a) => `${a.labels.slo} ${a.labels.severity} ${a.labels.long_window}`)
      .sort();
    // 10 of 60 minutes bad: 16.7 % over 1 h, 100 % over 5 m — every pair of both SLOs is over its line.
    expect(firing).toEqual([
      'api-up page 1h',
      'api-up page 6h',
      'api-up ticket 1d',
      'api-up ticket 3d',
      'requests page 1h',
      'requests page 6h',
      'requests ticket 1d',
      'requests ticket 3d',
    ]);
    const page = sent.find((a) => a.labels.slo === 'requests' && a.labels.long_window === '1h');
    expect(page?.annotations.runbook_url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/slos\/\d+$/);
  });
});
