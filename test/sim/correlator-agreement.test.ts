import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import type { CompletedRequest } from '@/lib/logs';
import { LogCorrelator } from '@/lib/logs';
import { startSimulator } from '@/lib/sim/simulator';
import type { Counts } from '@/lib/sim/tally';
import { tempDir } from '../helpers/temp-dir';

type Agg = Record<string, Counts & { latencies: number[] }>;

function derive(file: string): Agg {
  const correlator = new LogCorrelator({ format: 'ccproxy' });
  const agg: Agg = {};
  const add = (r: CompletedRequest): void => {
    const b = (agg[r.provider ?? '(none)'] ??= {
      requests: 0,
      errors: 0,
      client_errors: 0,
      rate_limited: 0,
      input_tokens: 0,
      output_tokens: 0,
      latencies: [],
    });
    b.requests++;
    if (r.status === null || r.status >= 500) b.errors++;
    if (r.status !== null && r.status >= 400 && r.status < 500) b.client_errors++;
    if (r.rateLimited) b.rate_limited++;
    b.input_tokens += r.inputTokens ?? 0;
    b.output_tokens += r.outputTokens ?? 0;
    b.latencies.push(r.durationMs ?? Number.NaN);
  };
  const now = Date.now();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const p = correlator.process(line, now);
    if (p.request) add(p.request);
    p.lateRequests?.forEach(add);
  }
  correlator.tick(now + 3_600_000).forEach(add);
  return agg;
}

// The tally is the answer key for Lookout's numbers, so it must agree with Lookout's own derivation.
describe('simulator tally and Lookout’s log correlator', () => {
  it('agree per provider on both formats, /health polls included', async () => {
    const clock = new FakeClock();
    const sim = await startSimulator({
      logDir: tempDir('sim-'),
      port: 0,
      clock,
      timeScale: 0.05,
      ratePerSecond: 10,
      seed: 11,
      logProbes: true,
    });
    for (let i = 0; i < 40; i++) {
      clock.advance(1_000);
      await fetch(`${sim.url}/health`);
    }
    await sim.stop();
    const tally = sim.tally();
    for (const format of ['v1', 'v0'] as const) {
      const derived = derive(sim.logFiles[format]);
      const providers = tally.files[format].providers;
      expect(Object.keys(derived).sort()).toEqual(Object.keys(providers).sort());
      for (const [name, { latencies_ms, ...counts }] of Object.entries(providers)) {
        const { latencies, ...got } = derived[name];
        expect(got).toEqual(counts);
        const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
        sorted(latencies).forEach((v, i) => expect(v).toBeCloseTo(sorted(latencies_ms)[i], 3));
      }
    }
  });
});
