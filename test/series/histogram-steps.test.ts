import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { migrate } from '@/lib/db/migrate';
import { createRollupWriter, LogRollupBuffer } from '@/lib/ingest/log-rollups';
import { rangeQuery } from '@/lib/rules/promql';
import type { SeriesSource } from '@/lib/rules/series-source';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { histogramFromJson } from '@/lib/stats/histogram';
import { LE_SECONDS, leCounts } from '@/lib/stats/le-counts';
import { tempDir } from '../helpers/temp-dir';

// histogram_quantile over a range query: the coarse path sums log_rollups' per-`le` columns (migration 103) for each
// step's window; the step-by-step path rebuilds every `le` series from the 10 s rows' JSON histograms. They must agree
// exactly (docs/performance.md#query-api--npm-run-benchquery).
const T = Date.UTC(2026, 10, 27, 6);
const HOUR = 3_600_000;
const PROVIDERS = ['groq', 'openai', 'gemini'];

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function fresh(): { db: Db; dir: string } {
  const dir = tempDir();
  const db = openWriteDb(path.join(dir, 'data'));
  cleanups.push(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db, dir };
}

/**
 * Requests over `hours` hours with latencies from 1 ms to 3 min (every `le` bucket and beyond), or with `narrow`
 * from 150 ms to 8 s as CCProxy's (the lowest `le` buckets stay empty, the highest hold every request), bursty.
 */
function buffers(seed: number, hours: number, narrow = false): LogRollupBuffer[] {
  const rnd = lcg(seed);
  const out: LogRollupBuffer[] = [];
  for (let hour = 0; hour < hours; hour++) {
    const buf = new LogRollupBuffer();
    for (let ts = T + hour * HOUR; ts < T + (hour + 1) * HOUR; ts += 1_000) {
      if (Math.floor(ts / 300_000) % 7 === seed % 7 || rnd() > 0.1) continue;
      const provider = PROVIDERS[Math.floor(rnd() * PROVIDERS.length)];
      const r = rnd();
      buf.addRequest(1 + Math.floor(rnd() * 2), {
        ts: ts + Math.floor(rnd() * 1_000),
        status: r < 0.1 ? 502 : r < 0.15 ? 429 : 200,
        provider,
        model: `${provider}-${rnd() < 0.5 ? 'large' : 'small'}`,
        // Log-uniform from 1 ms to 180 s, and a few without a duration.
        durationMs: rnd() < 0.02 ? null : narrow ? 150 + rnd() * rnd() * 8_000 : Math.exp(rnd() * Math.log(180_000)),
        inputTokens: 10,
        outputTokens: 5,
        rateLimited: false,
      });
    }
    out.push(buf);
  }
  return out;
}

function sources(db: Db): void {
  for (const job of ['ccproxy', 'gateway'])
    db.prepare(`INSERT INTO log_sources (name, kind, created_at) VALUES (?, 'http', ?)`).run(job, T);
}

const stepwise = (s: SeriesSource): SeriesSource => ({ select: s.select.bind(s) });

const EXPRS = [
  'histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[RANGE])) > 2',
  'histogram_quantile(0.5, rate(http_request_duration_seconds_bucket{provider="groq"}[RANGE]))',
  'histogram_quantile(0.99, increase(http_request_duration_seconds_bucket{job="gateway"}[RANGE] offset 2m))',
  'histogram_fraction(0, 0.25, rate(http_request_duration_seconds_bucket[RANGE]))',
  'rate(http_request_duration_seconds_bucket{le=~"0.005|1|120|\\\\+Inf"}[RANGE])',
];
const RANGES: Record<string, number> = { '25s': 25_000, '1m': 60_000, '5m': 300_000, '7m': 420_000, '1h': HOUR };

function compare(db: Db, seed: number, queries: number): number {
  const rnd = lcg(seed * 17);
  let coarse = 0;
  for (let q = 0; q < queries; q++) {
    const sinceMs = rnd() < 0.2 ? T + Math.floor(rnd() * 6 * HOUR) : undefined;
    const source = createSqliteSeriesSource(db, { sinceMs, instance: rnd() < 0.5 ? '127.0.0.1:3000' : undefined });
    const names = Object.keys(RANGES);
    const range = names[Math.floor(rnd() * names.length)];
    const step = [10_000, 15_000, 60_000, 300_000, 600_000, 1_234, 47_000][Math.floor(rnd() * 7)];
    const start = T + Math.floor(rnd() * 5 * HOUR) - (rnd() < 0.5 ? 0 : Math.floor(rnd() * 60_000));
    const end = Math.min(T + 7 * HOUR, start + Math.floor(rnd() * 150) * step);
    const expr = EXPRS[q % EXPRS.length].replaceAll('RANGE', range);
    const grid = { firstMs: start, lastMs: end, stepMs: step };
    const bucket = [{ name: '__name__', op: '=' as const, value: 'http_request_duration_seconds_bucket' }];
    if (source.rangeSteps?.('rate', bucket, RANGES[range], grid)) coarse++;
    const fast = rangeQuery(expr, source, start, end, step);
    const fine = rangeQuery(expr, stepwise(source), start, end, step);
    expect(fast, `${expr} from ${start} to ${end} step ${step} since ${sinceMs} (seed ${seed})`).toEqual(fine);
  }
  return coarse;
}

describe('histogram_quantile over a range query from the per-le rollup columns', () => {
  it('gives exactly the step-by-step answer for random ranges, steps, windows, matchers and start hours', () => {
    for (const seed of [3, 5, 8]) {
      const { db } = fresh();
      sources(db);
      const write = createRollupWriter(db);
      // Seed 8: columns that are 0 or equal to the count everywhere, which the coarse read does not sum.
      for (const buf of buffers(seed, 6, seed === 8)) db.transaction(() => write(buf))();
      expect(compare(db, seed, 16)).toBeGreaterThan(7);
    }
  }, 240_000);

  it('keeps the columns equal to the JSON histogram when batches add to stored rows', () => {
    const { db } = fresh();
    sources(db);
    const write = createRollupWriter(db);
    // Several small batches per hour: most rows are upserts onto stored ones.
    for (const buf of buffers(11, 2)) db.transaction(() => write(buf))();
    for (const buf of buffers(12, 2)) db.transaction(() => write(buf))();
    const cols = LE_SECONDS.map((_, k) => `le_${k}`).join(', ');
    const rows = db.prepare(`SELECT hist, latency_count, ${cols} FROM log_rollups`).all() as Record<string, number>[];
    expect(rows.length).toBeGreaterThan(1000);
    for (const r of rows) {
      const want = leCounts(histogramFromJson(r.hist as unknown as string));
      expect(LE_SECONDS.map((_, k) => r[`le_${k}`])).toEqual(want);
      expect(want[LE_SECONDS.length - 1]).toBeLessThanOrEqual(r.latency_count);
    }
  });

  it('fills the columns of rows written before migration 103, so old data answers alike', () => {
    const { db, dir } = fresh();
    sources(db);
    const write = createRollupWriter(db);
    for (const buf of buffers(7, 6)) db.transaction(() => write(buf))();
    db.pragma('wal_checkpoint(TRUNCATE)');
    // A database as it was before 103 (the migrations below it only), holding the same rows without the columns.
    const before = path.join(dir, 'migrations-before-103');
    fs.mkdirSync(before);
    const all = path.join(process.cwd(), 'lib', 'db', 'migrations');
    for (const f of fs.readdirSync(all))
      if (Number(f.slice(0, 3)) < 103) fs.copyFileSync(path.join(all, f), path.join(before, f));
    const old = new Database(path.join(dir, 'old.db'));
    cleanups.push(() => old.close());
    migrate(old, before);
    sources(old);
    old.exec(`ATTACH '${path.join(dir, 'data', 'lookout.db')}' AS src`);
    const columns =
      'res, ts, source_id, provider, model, status, requests, input_tokens, output_tokens, rate_limited, latency_count, latency_sum, hist';
    old.exec(`INSERT INTO log_rollups (${columns}) SELECT ${columns} FROM src.log_rollups`);
    old.exec('DETACH src');
    expect(old.prepare('SELECT COUNT(*) FROM log_rollups').pluck().get()).toBeGreaterThan(1000);
    migrate(old);
    const cols = LE_SECONDS.map((_, k) => `le_${k}`).join(', ');
    const sql = `SELECT res, ts, source_id, provider, model, status, ${cols} FROM log_rollups ORDER BY res, ts, source_id, provider, model, status`;
    expect(old.prepare(sql).all()).toEqual(db.prepare(sql).all());
    expect(compare(old, 7, 10)).toBeGreaterThan(4);
  }, 120_000);
});
