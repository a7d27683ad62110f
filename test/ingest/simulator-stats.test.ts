import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as errors from '@/app/api/v1/stats/errors/route';
import * as providers from '@/app/api/v1/stats/providers/route';
import * as summary from '@/app/api/v1/stats/summary/route';
import { FakeClock } from '@/lib/clock';
import { startSimulator } from '@/lib/sim/simulator';
import type { TallySnapshot } from '@/lib/sim/tally';
import { call, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';

type ProviderRow = {
  provider: string;
  requests: number;
  errors: number;
  rate_limited: number;
  input_tokens: number;
  output_tokens: number;
  p50_ms: number;
  p95_ms: number;
};
type Summary = {
  requests: number;
  errors: number;
  client_errors: number;
  rate_limited: number;
  tokens: { input: number; output: number };
  latency_ms: { p50: number; p95: number };
};

let tally: TallySnapshot;
let ctx: ReturnType<typeof makeLookout>;
const RANGE = `from=${Date.UTC(2026, 0, 1)}&to=${Date.UTC(2027, 0, 1)}`;

beforeAll(async () => {
  const simClock = new FakeClock(Date.UTC(2026, 10, 27, 9));
  const logDir = tempDir('sim-logs-');
  const sim = await startSimulator({ logDir, port: 0, clock: simClock, timeScale: 0.05, ratePerSecond: 20, seed: 11 });
  simClock.advance(2 * 30_000 + 15_000); // two incident cycles and a bit
  await sim.stop();
  tally = sim.tally();
  ctx = makeLookout({
    config: [
      'logs:',
      `  - { name: ccproxy, path: ${path.join(logDir, 'ccproxy.log')}, format: ccproxy }`,
      `  - { name: ccproxy-v0, path: ${path.join(logDir, 'ccproxy-v0.log')}, format: ccproxy }`,
    ].join('\n'),
  });
  await ctx.lookout.ingest.whenSynced();
  while ((await ctx.lookout.ingest.pollAll()) > 0);
  fs.rmSync(logDir, { recursive: true, force: true });
});

afterAll(() => ctx.close());

describe("Lookout's numbers equal the simulator's own tally", () => {
  for (const [source, file] of [
    ['ccproxy', 'v1'],
    ['ccproxy-v0', 'v0'],
  ] as const) {
    it(`per provider, ${source} (${file} format)`, async () => {
      const want = tally.files[file];
      const rows = (
        (await call(providers.GET, `/api/v1/stats/providers?source=${source}&${RANGE}`)).body as { data: ProviderRow[] }
      ).data;
      const got = Object.fromEntries(
        rows.map((r) => [r.provider, [r.requests, r.errors, r.rate_limited, r.input_tokens, r.output_tokens]]),
      );
      const expected = Object.fromEntries(
        Object.entries(want.providers).map(([p, c]) => [
          p,
          [c.requests, c.errors, c.rate_limited, c.input_tokens, c.output_tokens],
        ]),
      );
      expect(got).toEqual(expected);
      expect(want.totals.requests).toBeGreaterThan(1_000);

      const s = (await call(summary.GET, `/api/v1/stats/summary?source=${source}&${RANGE}`)).body as Summary;
      expect([s.requests, s.errors, s.client_errors, s.rate_limited, s.tokens.input, s.tokens.output]).toEqual([
        want.totals.requests,
        want.totals.errors,
        want.totals.client_errors,
        want.totals.rate_limited,
        want.totals.input_tokens,
        want.totals.output_tokens,
      ]);
      const exact = (q: number) => {
        const sorted = [...want.totals.latencies_ms].sort((a, b) => a - b);
        return sorted[Math.ceil(q * sorted.length) - 1];
      };
      expect(Math.abs(s.latency_ms.p50 - exact(0.5)) / exact(0.5)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(s.latency_ms.p95 - exact(0.95)) / exact(0.95)).toBeLessThanOrEqual(0.05);
    });
  }

  it('in total, and the tokenizer noise is not counted as errors', async () => {
    const s = (await call(summary.GET, `/api/v1/stats/summary?${RANGE}`)).body as Summary;
    expect(s.requests).toBe(tally.totals.requests);
    expect(s.errors).toBe(tally.totals.errors);
    const byStatus = (
      (await call(errors.GET, `/api/v1/stats/errors?by=status&${RANGE}`)).body as {
        data: { key: string; count: number }[];
      }
    ).data;
    expect(byStatus.reduce((n, e) => n + e.count, 0)).toBe(tally.totals.errors);
  });
});
