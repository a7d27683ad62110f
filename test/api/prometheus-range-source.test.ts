import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { querySource } from '@/lib/api/prometheus/answer';
import { runInstantQuery, runRangeQuery } from '@/lib/api/prometheus/run-query';
import { FakeClock } from '@/lib/clock';
import { CheckWriter } from '@/lib/engine/check-writer';
import { makeLookout } from '../helpers/lookout';

// Range queries read each selector ahead in 6 h chunks; across chunk boundaries every point must still be exactly
// the instant query at that step (docs/api.md#prometheus-query-api).
const T0 = Date.UTC(2026, 10, 27, 12);
const HOURS = 14;
let ctx: ReturnType<typeof makeLookout>;

beforeAll(() => {
  const clock = new FakeClock(T0 - HOURS * 3_600_000);
  ctx = makeLookout({
    clock,
    config:
      'targets: [{ name: a, url: "http://127.0.0.1:9/a", interval: 1m }, { name: b, url: "http://127.0.0.1:9/b", interval: 1m }]',
  });
  const writer = new CheckWriter(ctx.lookout.db, clock);
  for (let t = T0 - HOURS * 3_600_000, i = 0; t <= T0; t += 60_000, i++) {
    // a flaps every 7 minutes; b answers slower over the day; b misses a stretch of checks around 6 h in.
    writer.push(1, {
      ts: t,
      up: Math.floor(i / 7) % 2 === 0,
      statusCode: 200,
      latencyMs: 10 + (i % 13),
      error: null,
      gauges: {},
    });
    if (i < 350 || i > 380)
      writer.push(2, { ts: t + 7_000, up: true, statusCode: 200, latencyMs: i, error: null, gauges: {} });
  }
  writer.flush();
  clock.set(T0);
});
afterAll(() => ctx.close());

describe('a range query read ahead in chunks', () => {
  it.each([
    'up',
    'sum by (job) (changes(up[30m]))',
    'avg_over_time(probe_duration_seconds[20m])',
    'probe_duration_seconds offset 1h',
    `up - ignoring() up @ ${(T0 - 10 * 3_600_000) / 1000}`,
  ])('equals the instant query at every step: %s', (expr) => {
    const start = T0 - (HOURS - 1) * 3_600_000;
    const params = new URLSearchParams({
      query: expr,
      start: String(start / 1000),
      end: String(T0 / 1000),
      step: '420',
    });
    const range = runRangeQuery(params, querySource(ctx.lookout));
    if (range.resultType !== 'matrix') throw new Error(range.resultType);
    const points = range.result.reduce((n, s) => n + s.values.length, 0);
    expect(points).toBeGreaterThan(100);
    const fromInstants = new Map<string, [number, string][]>();
    for (let t = start; t <= T0; t += 420_000) {
      const at = runInstantQuery(
        new URLSearchParams({ query: expr, time: String(t / 1000) }),
        querySource(ctx.lookout),
        T0,
      );
      if (at.resultType !== 'vector') throw new Error(at.resultType);
      for (const s of at.result) {
        const k = JSON.stringify(s.metric);
        fromInstants.set(k, [...(fromInstants.get(k) ?? []), s.value]);
      }
    }
    expect(new Map(range.result.map((s) => [JSON.stringify(s.metric), s.values]))).toEqual(fromInstants);
  });
});
