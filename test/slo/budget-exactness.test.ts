import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import * as one from '@/app/api/v1/slos/[id]/route';
import * as slos from '@/app/api/v1/slos/route';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { lastGoodBucket } from '@/lib/queries/slo-sql';
import type { Sli } from '@/lib/slo/slo-schema';
import { countSli } from '@/lib/slo/slo-status';
import type { Slo } from '@/lib/slo/slo-store';
import { bucketUpperBound } from '@/lib/stats/histogram';
import { ADMIN, call, makeLookout } from '../helpers/lookout';

// An odd instant, so no window edge falls on a rollup bucket by luck.
const T0 = Date.UTC(2026, 0, 20, 13, 17, 23, 456);
const DAY = 86_400_000;

interface Req {
  ts: number;
  status: number;
  ms: number;
  provider: string;
}
interface Chk {
  ts: number;
  up: boolean;
}

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const reqs: Req[] = [];
const checks: Chk[] = [];
let ctx: ReturnType<typeof makeLookout>;

beforeAll(async () => {
  const clock = new FakeClock(T0);
  ctx = makeLookout({ clock, config: 'targets: [{ name: api, url: "http://127.0.0.1:9/health", interval: 30s }]\n' });
  const r = rng(7);
  // 3.3 days of checks every ~30 s, with an outage of 40 minutes and scattered failures.
  for (let t = T0 - 3.3 * DAY + 7_123; t < T0; t += 29_000 + Math.floor(r() * 2_000)) {
    const outage = t > T0 - 1.5 * DAY && t < T0 - 1.5 * DAY + 40 * 60_000;
    checks.push({ ts: t, up: !outage && r() > 0.01 });
  }
  const writer = new CheckWriter(ctx.lookout.db, clock);
  for (const c of checks)
    writer.push(1, {
      ts: c.ts,
      up: c.up,
      statusCode: c.up ? 200 : 503,
      latencyMs: 20,
      error: c.up ? null : 'HTTP 503',
      gauges: {},
    });
  writer.flush();
  // Requests with 5xx, 4xx, 429s, and durations on both sides of the latency edges.
  for (let t = T0 - 3.2 * DAY + 3_917; t < T0; t += 20_000 + Math.floor(r() * 130_000)) {
    const x = r();
    const status = x < 0.05 ? 502 : x < 0.08 ? 429 : x < 0.09 ? 503 : x < 0.1 ? 404 : 200;
    const ms = Math.round(r() * 1_200 * 10) / 10;
    reqs.push({ ts: t, status, ms, provider: r() < 0.5 ? 'groq' : 'openai' });
  }
  const lines = reqs.map((q) =>
    JSON.stringify({
      time: new Date(q.ts).toISOString(),
      level: 'info',
      msg: 'request done',
      status: q.status,
      duration_ms: q.ms,
      provider: q.provider,
    }),
  );
  for (let i = 0; i < lines.length; i += 1_000) {
    const res = await logs.POST(
      new Request('http://127.0.0.1/api/v1/logs?source=app', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
        body: lines.slice(i, i + 1_000).join('\n'),
      }),
    );
    expect(res.status).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const slo = (sli: Sli): Slo => ({
  id: 0,
  name: 'x',
  objective: 99,
  window: '7d',
  sli,
  provisioned: false,
  createdAt: 0,
  updatedAt: 0,
});

const isErr = (q: Req) => q.status >= 500;

/** The reference: each SLI counted straight from the generated checks and request lines. */
function rawCounts(sli: Sli, from: number, to: number): { good: number; total: number } {
  const inWin = <T extends { ts: number }>(xs: T[]) => xs.filter((x) => x.ts >= from && x.ts < to);
  if (sli.kind === 'probe_availability') {
    const cs = inWin(checks);
    return { good: cs.filter((c) => c.up).length, total: cs.length };
  }
  if (sli.kind === 'promql') throw new Error('not a counted kind');
  const qs = inWin(reqs).filter((q) => !sli.provider || q.provider === sli.provider);
  if (sli.kind === 'request_availability') {
    const counted = sli.rate_limited === 'excluded' ? qs.filter((q) => q.status !== 429) : qs;
    const bad = counted.filter((q) => isErr(q) || (sli.rate_limited === 'bad' && q.status === 429));
    return { good: counted.length - bad.length, total: counted.length };
  }
  const edge = bucketUpperBound(lastGoodBucket(sli.threshold_ms));
  return { good: qs.filter((q) => q.ms <= edge).length, total: qs.length };
}

const SLIS: Sli[] = [
  { kind: 'probe_availability', target: 'api' },
  { kind: 'request_availability', rate_limited: 'good' },
  { kind: 'request_availability', rate_limited: 'bad', provider: 'groq' },
  { kind: 'request_availability', rate_limited: 'excluded', source: 'app' },
  { kind: 'request_latency', threshold_ms: 500 },
  { kind: 'request_latency', threshold_ms: 1000, provider: 'openai', source: 'app' },
];

// Odd windows: partial seconds, minutes and hours at both ends, one inside the outage, one longer than the data.
const WINDOWS: [number, number][] = [
  [T0 - 2 * DAY - 3 * 3_600_000 - 17 * 60_000 - 11_500, T0 - 13 * 60_000 - 7_250],
  [T0 - 61 * 60_000 - 59_001, T0],
  [T0 - 1.5 * DAY - 5 * 60_000 - 3, T0 - 1.5 * DAY + 45 * 60_000 + 77],
  [T0 - 7 * DAY, T0],
  [T0 - 4_999, T0 - 1],
];

describe('SLO budgets count exactly what the raw checks and request lines say', () => {
  it('ingested every generated request', () => {
    expect(
      countSli(ctx.lookout.readDb, slo({ kind: 'request_availability', rate_limited: 'good' }), 0, T0 + 1),
    ).toEqual({ good: reqs.filter((q) => !isErr(q)).length, total: reqs.length });
  });

  for (const sli of SLIS)
    it(`${JSON.stringify(sli)} over odd windows`, () => {
      for (const [from, to] of WINDOWS) {
        const got = countSli(ctx.lookout.readDb, slo(sli), from, to);
        expect({ from, to, ...got }).toEqual({ from, to, ...rawCounts(sli, from, to) });
      }
    });

  it('answers the API with the budget the raw counts give over its window', async () => {
    const sli: Sli = { kind: 'request_availability', rate_limited: 'bad', provider: 'groq' };
    const made = await call(slos.POST, '/api/v1/slos', {
      method: 'POST',
      body: { name: 'groq', objective: 95, window: '7d', sli },
    });
    expect(made.status).toBe(201);
    const got = (await call(one.GET, '/api/v1/slos/groq', { id: 'groq' })).body as {
      data: {
        window_start: string;
        window_end: string;
        budget: { remaining: number; good: number; total: number; bad: number };
        burn_rate: Record<string, number | null>;
        burndown: [number, number][];
      };
    };
    const from = Date.parse(got.data.window_start);
    const to = Date.parse(got.data.window_end);
    expect(to).toBe(T0);
    const raw = rawCounts(sli, from, to);
    const bad = raw.total - raw.good;
    expect(got.data.budget).toMatchObject({ good: raw.good, total: raw.total, bad });
    expect(got.data.budget.remaining).toBeCloseTo((1 - bad / (0.05 * raw.total)) * 100, 3);
    // The last burn-down point is the budget now; the 1 h burn rate is the last hour's ratio ÷ budget.
    expect(got.data.burndown.at(-1)).toEqual([T0, got.data.budget.remaining]);
    const hour = rawCounts(sli, T0 - 3_600_000, T0);
    expect(got.data.burn_rate['1h']).toBeCloseTo((hour.total - hour.good) / hour.total / 0.05, 3);
    // Each hourly burn-down point matches the raw count from the window's start to that point.
    for (const [t, v] of got.data.burndown.slice(1, -1)) {
      const c = rawCounts(sli, from, t);
      const expected = c.total ? (1 - (c.total - c.good) / (0.05 * c.total)) * 100 : 100;
      expect([t, v]).toEqual([t, Math.round(expected * 1e4) / 1e4]);
    }
  });
});
