import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { CheckWriter } from '@/lib/engine/check-writer';
import type { ProbeResult } from '@/lib/probes/types';
import { getIncidents } from '@/lib/queries/get-incidents';
import { getWindowStats, uptimePercent } from '@/lib/queries/get-window-stats';
import { exactQuantile, quantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';

const MIN = 60_000;
const DAY = 86_400_000;

function setup() {
  const dir = tempDir();
  const db = openWriteDb(path.join(dir, 'data'));
  const clock = new FakeClock(Date.UTC(2026, 0, 1, 0, 0, 0));
  db.prepare(
    `INSERT INTO targets (id, name, url, interval_ms, timeout_ms, created_at, updated_at, status_since, failure_threshold)
     VALUES (1, 'api', 'http://x', 600000, 1000, 0, 0, 0, 2)`,
  ).run();
  return { dir, db, clock, writer: new CheckWriter(db, clock) };
}

const result = (ts: number, up: boolean, latencyMs: number, error: string | null = null): ProbeResult => ({
  ts,
  up,
  statusCode: up ? 200 : error === 'timeout after 1s' ? null : 503,
  latencyMs,
  error,
  gauges: up ? { 'providers.healthy': 2 } : {},
});

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

function raw(db: Db, from: number, to: number) {
  return db
    .prepare('SELECT COUNT(*) checks, COALESCE(SUM(up), 0) up FROM checks WHERE target_id = 1 AND ts >= ? AND ts < ?')
    .get(from, to) as {
    checks: number;
    up: number;
  };
}

describe('CheckWriter', () => {
  it('computes 24h, 7d and 30d uptime from rollups exactly as the raw checks say', () => {
    const { dir, db, clock, writer } = setup();
    cleanup = () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    const start = clock.now();
    const latencies: number[] = [];
    // A check every 7 minutes 13 seconds for 31 days, so window edges fall mid-minute and mid-hour.
    for (let ts = start + 13_000, i = 0; ts < start + 31 * DAY; ts += 433_000, i++) {
      const up = !(i % 97 < 6 || (i > 3000 && i < 3040));
      const latency = 20 + (i % 50) * 3;
      if (up) latencies.push(latency);
      writer.push(1, result(ts, up, latency, up ? null : 'status 503 is not 2xx'));
      if (i % 300 === 0) writer.flush();
    }
    writer.flush();
    const now = start + 31 * DAY - 17_321;
    for (const span of [DAY, 7 * DAY, 30 * DAY]) {
      const stats = getWindowStats(db, now - span, now).get(1)!;
      const expected = raw(db, now - span, now);
      expect({ checks: stats.checks, up: stats.up }).toEqual(expected);
      expect(uptimePercent(stats)).toBeCloseTo((expected.up / expected.checks) * 100, 3);
    }
    const all = getWindowStats(db, start, start + 32 * DAY).get(1)!;
    const p95 = quantile(all.hist, 0.95)!;
    const exact = exactQuantile(
      db.prepare('SELECT latency_ms v FROM checks WHERE status_code IS NOT NULL').pluck().all() as number[],
      0.95,
    )!;
    expect(Math.abs(p95 - exact) / exact).toBeLessThanOrEqual(0.05);
    expect(latencies.length).toBeGreaterThan(0);
  });

  it('opens an incident after failure_threshold failures with the first reason, and closes it on recovery', () => {
    const { dir, db, clock, writer } = setup();
    cleanup = () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    const t = clock.now();
    writer.push(1, result(t, true, 10));
    writer.push(1, result(t + MIN, false, 1000, 'timeout after 1s'));
    writer.push(1, result(t + 2 * MIN, false, 5, 'status 503 is not 2xx'));
    writer.flush();
    let state = db.prepare('SELECT status, status_since FROM targets WHERE id = 1').get();
    expect(state).toEqual({ status: 'down', status_since: t + 2 * MIN });
    expect(getIncidents(db, 1, t, t + 3 * MIN, t + 3 * MIN)).toEqual([
      {
        start: new Date(t + 2 * MIN).toISOString(),
        end: null,
        duration_s: 60,
        reason: 'status 503 is not 2xx',
        maintenance: false,
      },
    ]);
    writer.push(1, result(t + 5 * MIN, true, 12));
    clock.advance(300); // the batching timer flushes by itself
    state = db.prepare('SELECT status, status_since FROM targets WHERE id = 1').get();
    expect(state).toEqual({ status: 'up', status_since: t + 5 * MIN });
    const [incident] = getIncidents(db, 1, t, t + 10 * MIN, t + 10 * MIN);
    expect(incident.end).toBe(new Date(t + 5 * MIN).toISOString());
    expect(incident.duration_s).toBe(180);
    const gauges = db.prepare('SELECT gauges FROM checks WHERE up = 1 LIMIT 1').pluck().get();
    expect(JSON.parse(gauges as string)).toEqual({ 'providers.healthy': 2 });
  });

  it('drops results for a target deleted while its check ran', () => {
    const { dir, db, clock, writer } = setup();
    cleanup = () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    db.prepare('DELETE FROM targets WHERE id = 1').run();
    writer.push(1, result(clock.now(), true, 5));
    writer.flush();
    expect(db.prepare('SELECT COUNT(*) FROM checks').pluck().get()).toBe(0);
  });
});
