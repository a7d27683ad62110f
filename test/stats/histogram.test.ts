import { describe, expect, it } from 'vitest';
import {
  addValue,
  exactQuantile,
  type Histogram,
  histogramFromJson,
  histogramToJson,
  quantile,
} from '@/lib/stats/histogram';

function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('log-scale histogram', () => {
  const rnd = seeded(7);
  const distributions: Record<string, () => number> = {
    uniform: () => 1 + rnd() * 2_000,
    lognormal: () => Math.exp(4 + 1.5 * Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd())),
    bimodal: () => (rnd() < 0.9 ? 20 + rnd() * 10 : 5_000 + rnd() * 3_000),
    sub_ms: () => 0.05 + rnd(),
  };

  for (const [name, draw] of Object.entries(distributions)) {
    it(`keeps p50/p95/p99 within 5 % of the exact value (${name})`, () => {
      const values = Array.from({ length: 20_000 }, draw);
      const h: Histogram = new Map();
      for (const v of values) addValue(h, v);
      for (const q of [0.5, 0.95, 0.99]) {
        const exact = exactQuantile(values, q)!;
        const approx = quantile(h, q)!;
        expect(Math.abs(approx - exact) / exact).toBeLessThanOrEqual(0.05);
      }
    });
  }

  it('round-trips through JSON and answers null when empty', () => {
    const h: Histogram = new Map();
    addValue(h, 12.5, 3);
    expect(histogramFromJson(histogramToJson(h))).toEqual(h);
    expect(quantile(new Map(), 0.5)).toBeNull();
    expect(exactQuantile([], 0.5)).toBeNull();
  });
});
