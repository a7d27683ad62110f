import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { createRollupWriter, LogRollupBuffer } from '@/lib/ingest/log-rollups';
import { rangeQuery } from '@/lib/rules/promql';
import type { SeriesSource } from '@/lib/rules/series-source';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { tempDir } from '../helpers/temp-dir';

const T = Date.UTC(2026, 10, 27, 6);
const HOUR = 3_600_000;
const PROVIDERS = ['groq', 'openai', 'gemini'];

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Six hours of requests from two sources, written through the ingest rollup writer (all widths), bursty with gaps. */
function logged(seed: number): Db {
  const dir = tempDir();
  const db = openWriteDb(path.join(dir, 'data'));
  cleanup = () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const rnd = lcg(seed);
  for (const job of ['ccproxy', 'gateway'])
    db.prepare(`INSERT INTO log_sources (name, kind, created_at) VALUES (?, 'http', ?)`).run(job, T);
  const write = createRollupWriter(db);
  for (let hour = 0; hour < 6; hour++) {
    const buf = new LogRollupBuffer();
    for (let ts = T + hour * HOUR; ts < T + (hour + 1) * HOUR; ts += 1_000) {
      // Quiet spells of several minutes, so series come and go within windows.
      if (Math.floor(ts / 420_000) % 5 === seed % 5 || rnd() > 0.08) continue;
      const provider = PROVIDERS[Math.floor(rnd() * PROVIDERS.length)];
      const r = rnd();
      const status = r < 0.1 ? 502 : r < 0.2 ? 429 : 200;
      buf.addRequest(1 + Math.floor(rnd() * 2), {
        ts: ts + Math.floor(rnd() * 1_000),
        status,
        provider,
        model: `${provider}-${rnd() < 0.5 ? 'large' : 'small'}`,
        durationMs: 20 + rnd() * rnd() * 12_000,
        inputTokens: Math.floor(rnd() * 900),
        outputTokens: Math.floor(rnd() * 400),
        rateLimited: status === 429,
      });
    }
    db.transaction(() => write(buf))();
  }
  return db;
}

const stepwise = (s: SeriesSource): SeriesSource => ({ select: s.select.bind(s) });

const EXPRS = [
  'rate(http_requests_total{status=~"5.."}[RANGE]) > 0.01',
  'increase(http_requests_total[RANGE])',
  'histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[RANGE]))',
  'rate(http_request_duration_seconds_bucket{job="gateway",le=~"0.5|\\\\+Inf"}[RANGE])',
  'increase(llm_tokens_total{type="output"}[RANGE] offset 3m)',
  'rate(llm_rate_limited_total[RANGE]) / rate(http_request_duration_seconds_count[RANGE])',
  'max by (job) (rate(http_requests_total[RANGE]))',
];

describe('rate and increase of log counters over a range query, from coarse rollups, against the 10 s read', () => {
  it('gives exactly the step-by-step answer for random ranges, steps, windows and start hours', () => {
    for (const seed of [1, 2]) {
      const db = logged(seed);
      const rnd = lcg(seed * 31);
      let coarse = 0;
      for (let q = 0; q < 21; q++) {
        // Lookout's start hour inside the data for some queries: the steps after it stay on the fine read.
        const sinceMs = rnd() < 0.3 ? T + Math.floor(rnd() * 6 * HOUR) : undefined;
        const source = createSqliteSeriesSource(db, { sinceMs, instance: rnd() < 0.5 ? '127.0.0.1:3000' : undefined });
        const range = ['30s', '1m', '5m', '7m', '25s', '1h'][Math.floor(rnd() * 6)];
        const rangeMs =
          { '30s': 30_000, '1m': 60_000, '5m': 300_000, '7m': 420_000, '25s': 25_000, '1h': HOUR }[range] ?? 0;
        const step = [15_000, 37_000, 60_000, 300_000, 600_000, 1_234][Math.floor(rnd() * 6)];
        const start = T + Math.floor(rnd() * 5 * HOUR) - (rnd() < 0.5 ? 0 : Math.floor(rnd() * 60_000));
        const end = Math.min(T + 7 * HOUR, start + Math.floor(rnd() * 120) * step);
        const expr = EXPRS[q % EXPRS.length].replaceAll('RANGE', range);
        const grid = { firstMs: start, lastMs: end, stepMs: step };
        const name = expr.match(/\w+_total|\w+_(bucket|count)/)?.[0] ?? '';
        if (source.rangeSteps?.('rate', [{ name: '__name__', op: '=', value: name }], rangeMs, grid)) coarse++;
        const fast = rangeQuery(expr, source, start, end, step);
        const fine = rangeQuery(expr, stepwise(source), start, end, step);
        expect(fast, `${expr} from ${start} to ${end} step ${step} since ${sinceMs} (seed ${seed})`).toEqual(fine);
      }
      expect(coarse).toBeGreaterThan(10);
      cleanup?.();
      cleanup = null;
    }
  }, 180_000);

  it('leaves float sums, ordered aggregations and a non-whole family to the step-by-step read', () => {
    const db = logged(4);
    const source = createSqliteSeriesSource(db);
    const grid = { firstMs: T + HOUR, lastMs: T + 5 * HOUR, stepMs: 600_000 };
    const sel = (value: string) => [{ name: '__name__', op: '=' as const, value }];
    expect(source.rangeSteps?.('rate', sel('http_request_duration_seconds_sum'), 300_000, grid)).toBeUndefined();
    expect(source.rangeSteps?.('rate', sel('http_requests_total'), 300_000, grid)?.steps).toBe(25);
    for (const expr of [
      'sum(rate(http_requests_total[5m]))',
      'topk(2, rate(http_requests_total[5m]))',
      'rate(http_request_duration_seconds_sum[5m])',
    ]) {
      const fine = rangeQuery(expr, stepwise(source), grid.firstMs, grid.lastMs, grid.stepMs);
      expect(rangeQuery(expr, source, grid.firstMs, grid.lastMs, grid.stepMs)).toEqual(fine);
    }
  });

  it('reads the 10 s rollups where those were pruned before the coarser ones', () => {
    const db = logged(6);
    db.prepare('DELETE FROM log_rollups WHERE res = 10000 AND ts < ?').run(T + 2 * HOUR);
    const source = createSqliteSeriesSource(db);
    const sel = [{ name: '__name__', op: '=' as const, value: 'http_requests_total' }];
    expect(
      source.rangeSteps?.('rate', sel, 300_000, { firstMs: T + HOUR, lastMs: T + 4 * HOUR, stepMs: 60_000 }),
    ).toBeUndefined();
    expect(
      source.rangeSteps?.('rate', sel, 300_000, { firstMs: T + 3 * HOUR, lastMs: T + 4 * HOUR, stepMs: 60_000 }),
    ).toBeDefined();
    const fine = rangeQuery('rate(http_requests_total[5m])', stepwise(source), T + HOUR, T + 4 * HOUR, 60_000);
    expect(rangeQuery('rate(http_requests_total[5m])', source, T + HOUR, T + 4 * HOUR, 60_000)).toEqual(fine);
  });
});
