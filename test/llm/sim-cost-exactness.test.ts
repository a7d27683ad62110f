import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cost from '@/app/api/v1/llm/cost/route';
import { FakeClock } from '@/lib/clock';
import { startSimulator } from '@/lib/sim/simulator';
import type { TallySnapshot } from '@/lib/sim/tally';
import { call, makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';

type Row = {
  key: string;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number | null;
  unknown_requests: number;
};

let tally: TallySnapshot;
let ctx: ReturnType<typeof makeLookout>;
const RANGE = `from=${Date.UTC(2026, 0, 1)}&to=${Date.UTC(2027, 0, 1)}`;

beforeAll(async () => {
  const simClock = new FakeClock(Date.UTC(2026, 10, 27, 9));
  const logDir = tempDir('sim-cost-');
  const sim = await startSimulator({ logDir, port: 0, clock: simClock, timeScale: 0.05, ratePerSecond: 20, seed: 7 });
  simClock.advance(2 * 30_000 + 15_000);
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

describe("Lookout's cost equals the simulator's tally to the cent", () => {
  for (const [source, file] of [
    ['ccproxy', 'v1'],
    ['ccproxy-v0', 'v0'],
  ] as const) {
    it(`per provider, model and client, ${source} (${file} format)`, async () => {
      const want = tally.files[file].costs;
      const models = new Set(Object.keys(want).map((k) => k.split('|').slice(0, 2).join('|')));
      expect(models.size).toBeGreaterThan(5);
      let priced = 0;
      let total = 0;
      for (const pm of models) {
        const [provider, model] = pm.split('|');
        const q = `source=${source}&provider=${encodeURIComponent(provider)}&model=${encodeURIComponent(model)}`;
        const rows = ((await call(cost.GET, `/api/v1/llm/cost?by=client&${q}&${RANGE}`)).body as { data: Row[] }).data;
        const wantRows = Object.entries(want).filter(([k]) => k.startsWith(`${pm}|`));
        expect(rows.map((r) => r.key).sort()).toEqual(wantRows.map(([k]) => k.split('|')[2]).sort());
        for (const [k, cell] of wantRows) {
          const got = rows.find((r) => r.key === k.split('|')[2]);
          expect([got?.requests, got?.input_tokens, got?.output_tokens, got?.unknown_requests], k).toEqual([
            cell.requests,
            cell.input_tokens,
            cell.output_tokens,
            cell.unknown,
          ]);
          if (cell.unknown === cell.requests) expect(got?.cost_usd, k).toBeNull();
          else {
            expect(Math.abs((got?.cost_usd ?? -1) - cell.cost_usd), k).toBeLessThan(0.005);
            priced++;
          }
          total += cell.cost_usd;
        }
      }
      const all = (await call(cost.GET, `/api/v1/llm/cost?by=none&source=${source}&${RANGE}`)).body as {
        totals: { cost_usd: number | null };
      };
      expect(Math.abs((all.totals.cost_usd ?? 0) - total)).toBeLessThan(0.005);
      if (file === 'v1') {
        expect(priced).toBeGreaterThan(10);
        expect(total).toBeGreaterThan(0.1);
      }
    });
  }
});
