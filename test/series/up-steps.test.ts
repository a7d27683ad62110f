import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { CheckWriter } from '@/lib/engine/check-writer';
import { rebuildUpRuns } from '@/lib/engine/up-runs';
import { rangeQuery } from '@/lib/rules/promql';
import type { SeriesSource } from '@/lib/rules/series-source';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { tempDir } from '../helpers/temp-dir';

const T = Date.UTC(2026, 10, 27, 12);
const MIN = 60_000;

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Targets checked through the real check writer at irregular intervals (some gaps past 5 min), flapping now and then. */
function probed(seed: number): { db: Db; end: number } {
  const dir = tempDir();
  const db = openWriteDb(path.join(dir, 'data'));
  cleanup = () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const rnd = lcg(seed);
  const writer = new CheckWriter(db, new FakeClock(T));
  const add = db.prepare(
    `INSERT INTO targets (id, name, url, interval_ms, timeout_ms, created_at, updated_at, status_since, paused) VALUES (?, ?, ?, 30000, 1000, 0, ?, 0, ?)`,
  );
  let end = T;
  for (let id = 1; id <= 6; id++) {
    let ts = T + Math.floor(rnd() * 10 * MIN);
    let up = true;
    const checks = 200 + Math.floor(rnd() * 200);
    for (let i = 0; i < checks; i++) {
      if (rnd() < 0.08) up = !up;
      writer.push(id, { ts, up, statusCode: up ? 200 : 503, latencyMs: 20, error: up ? null : 'down', gauges: {} });
      const r = rnd();
      ts +=
        r < 0.03 ? 6 * MIN + Math.floor(rnd() * 20 * MIN) : r < 0.06 ? 5 * MIN : 10_000 + Math.floor(rnd() * 60_000);
    }
    end = Math.max(end, ts);
    // Target 3 was paused after its last check: its series go stale then, as the step-by-step read has it.
    add.run(id, `t${id}`, `http://127.0.0.${id}:80/health`, ts + (id === 3 ? -5_000 : 0), id === 3 ? 1 : 0);
  }
  writer.flush();
  return { db, end };
}

const stepwise = (s: SeriesSource): SeriesSource => ({ select: s.select.bind(s) });

describe('up over a range query from runs of checks, against the step-by-step read', () => {
  it('gives the same answer as the step-by-step path for random ranges, steps and lookbacks', () => {
    for (const seed of [1, 2, 3]) {
      const { db, end } = probed(seed);
      const source = createSqliteSeriesSource(db);
      const rnd = lcg(seed * 97);
      let coarse = 0;
      for (let q = 0; q < 25; q++) {
        const start = T - 10 * MIN + Math.floor(rnd() * (end - T));
        const step = [1_000, 15_000, 37_000, 60_000, 300_000, 600_000][Math.floor(rnd() * 6)];
        const stop = Math.min(end + 30 * MIN, start + Math.floor(rnd() * 400) * step);
        const lookback = [300_000, 300_000, 420_000, 120_000][Math.floor(rnd() * 4)];
        const expr = ['up', 'up == 0', 'sum by (job) (up)', 'count(up{job=~"t[1-3]"} == 1)', 'up offset 7m'][q % 5];
        const steps = source.selectSteps?.(
          [{ name: '__name__', op: '=', value: 'up' }],
          { firstMs: start, lastMs: stop, stepMs: step },
          lookback,
        );
        if (steps && lookback >= 300_000) coarse++;
        const fast = rangeQuery(expr, source, start, stop, step, lookback);
        const fine = rangeQuery(expr, stepwise(source), start, stop, step, lookback);
        expect(fast, `${expr} over ${start}…${stop} step ${step} lookback ${lookback} (seed ${seed})`).toEqual(fine);
      }
      expect(coarse).toBeGreaterThan(10);
      cleanup?.();
      cleanup = null;
    }
  }, 120_000);

  it('falls back to the checks when runs do not account for them, and agrees again once rebuilt', () => {
    const { db, end } = probed(5);
    // A check written around the check writer (an import, a restore) leaves the runs behind.
    db.prepare('INSERT INTO checks (target_id, ts, up, status_code, latency_ms) VALUES (1, ?, 0, 503, 20)').run(
      end + MIN,
    );
    const source = createSqliteSeriesSource(db);
    const grid = { firstMs: T, lastMs: end + 2 * MIN, stepMs: 60_000 };
    const matchers = [{ name: '__name__', op: '=' as const, value: 'up' }];
    expect(source.selectSteps?.(matchers, grid, 300_000)).toBeUndefined();
    const fine = rangeQuery('up', stepwise(source), grid.firstMs, grid.lastMs, grid.stepMs);
    expect(rangeQuery('up', source, grid.firstMs, grid.lastMs, grid.stepMs)).toEqual(fine);
    rebuildUpRuns(db);
    expect(source.selectSteps?.(matchers, grid, 300_000)).toBeDefined();
    expect(rangeQuery('up', source, grid.firstMs, grid.lastMs, grid.stepMs)).toEqual(fine);
    // A lookback shorter than the runs' gap is left to the checks.
    expect(source.selectSteps?.(matchers, grid, 60_000)).toBeUndefined();
  });

  it('keeps the checks pruned by retention out, as the step-by-step read does', () => {
    const { db, end } = probed(8);
    const cutoff = T + Math.floor((end - T) / 3);
    db.prepare('DELETE FROM checks WHERE ts < ?').run(cutoff);
    const source = createSqliteSeriesSource(db);
    for (const step of [20_000, 60_000, 600_000]) {
      const fine = rangeQuery('up', stepwise(source), T, end, step);
      expect(
        source.selectSteps?.(
          [{ name: '__name__', op: '=', value: 'up' }],
          { firstMs: T, lastMs: end, stepMs: step },
          300_000,
        ),
      ).toBeDefined();
      expect(rangeQuery('up', source, T, end, step)).toEqual(fine);
    }
  });
});
