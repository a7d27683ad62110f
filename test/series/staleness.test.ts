import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { CheckWriter } from '@/lib/engine/check-writer';
import { evaluateInstant, parsePromQL } from '@/lib/rules';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { tempDir } from '../helpers/temp-dir';

const T = Date.UTC(2026, 10, 27, 12);
const STEP = 15_000;

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** A target checked every 15 s from T; `gauge(i)` is the body field of check i, absent when undefined. */
function probed(checks: number, gauge: (i: number) => number | undefined, up: (i: number) => boolean = () => true) {
  const dir = tempDir();
  const db = openWriteDb(path.join(dir, 'data'));
  cleanup = () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  db.prepare(
    `INSERT INTO targets (id, name, url, interval_ms, timeout_ms, created_at, updated_at, status_since) VALUES (1, 'ccproxy', 'http://127.0.0.1:3456/health', ${STEP}, 1000, 0, 0, 0)`,
  ).run();
  const writer = new CheckWriter(db, new FakeClock(T));
  for (let i = 0; i < checks; i++) {
    const g = gauge(i);
    writer.push(1, {
      ts: T + i * STEP,
      up: up(i),
      statusCode: up(i) ? 200 : null,
      latencyMs: 20,
      error: up(i) ? null : 'refused',
      gauges: g === undefined ? {} : { 'providers.healthy': g },
    });
  }
  writer.flush();
  return db;
}

const at = (db: Db, expr: string, ms: number) =>
  evaluateInstant(parsePromQL(expr), createSqliteSeriesSource(db), ms).map((s) => s.value);

describe('staleness of probe series, as a scrape of /metrics would record it', () => {
  it('a body field missing from the next check ends its series at that check, and a later one starts it again', () => {
    const db = probed(10, (i) => (i < 4 || i >= 7 ? 3 : undefined));
    expect(at(db, 'health_providers_healthy', T + 3 * STEP + 1)).toEqual([3]);
    // Check 4 (T + 60 s) lacks the field: stale from then on, not held for the 5 minute lookback.
    expect(at(db, 'health_providers_healthy', T + 4 * STEP)).toEqual([]);
    expect(at(db, 'health_providers_healthy', T + 6 * STEP + 5_000)).toEqual([]);
    expect(at(db, 'absent(health_providers_healthy)', T + 5 * STEP)).toEqual([1]);
    expect(at(db, 'health_providers_healthy', T + 7 * STEP)).toEqual([3]);
    // Range selectors keep the samples before the marker.
    expect(at(db, 'count_over_time(health_providers_healthy[2m])', T + 5 * STEP)).toEqual([4]);
  });

  it('a refused probe (no status, no body) ends probe_http_status_code and health_*; up stays, with 0', () => {
    const db = probed(
      6,
      (i) => (i === 3 ? undefined : 2),
      (i) => i !== 3,
    );
    const t = T + 3 * STEP + 1_000;
    expect(at(db, 'up', t)).toEqual([0]);
    expect(at(db, 'probe_http_status_code', t)).toEqual([]);
    expect(at(db, 'health_providers_healthy', t)).toEqual([]);
    expect(at(db, 'probe_http_status_code', T + 4 * STEP)).toEqual([200]);
  });

  it('pausing a target ends its series when it was paused, not 5 minutes after its last check', () => {
    const db = probed(4, () => 2);
    const last = T + 3 * STEP;
    expect(at(db, 'up', last + 60_000)).toEqual([1]);
    db.prepare('UPDATE targets SET paused = 1, updated_at = ? WHERE id = 1').run(last + 5_000);
    expect(at(db, 'up', last + 4_000)).toEqual([1]);
    expect(at(db, 'up', last + 5_000)).toEqual([]);
    expect(at(db, 'health_providers_healthy', last + 60_000)).toEqual([]);
    expect(at(db, 'absent(up{job="ccproxy"})', last + 60_000)).toEqual([1]);
    // Earlier evaluations are untouched.
    expect(at(db, 'up', T + STEP)).toEqual([1]);
  });

  it('a target paused long after its last check stopped when its next check was due', () => {
    const db = probed(4, () => 2);
    const last = T + 3 * STEP;
    db.prepare('UPDATE targets SET paused = 1, updated_at = ? WHERE id = 1').run(last + 10 * 60_000);
    expect(at(db, 'up', last + STEP - 1)).toEqual([1]);
    expect(at(db, 'up', last + STEP)).toEqual([]);
  });
});
