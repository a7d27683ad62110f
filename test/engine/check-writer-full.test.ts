import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { openWriteDb } from '@/lib/db/connection';
import { storageFault } from '@/lib/db/storage-fault';
import { CheckWriter, MAX_PENDING_CHECKS } from '@/lib/engine/check-writer';
import { RESERVE_BYTES, RESERVE_FILE, StorageGuard } from '@/lib/engine/storage-guard';
import type { ProbeResult } from '@/lib/probes/types';
import { tempDir } from '../helpers/temp-dir';

const result = (ts: number, i: number): ProbeResult => ({
  ts,
  up: i % 5 !== 0,
  statusCode: i % 5 !== 0 ? 200 : 503,
  latencyMs: 10 + (i % 40),
  error: i % 5 !== 0 ? null : `status 503 is not 2xx (check ${i})`,
  gauges: {},
});

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function setup() {
  const dir = tempDir();
  const dataDir = path.join(dir, 'data');
  const db = openWriteDb(dataDir);
  db.prepare(
    `INSERT INTO targets (id, name, url, interval_ms, timeout_ms, created_at, updated_at, status_since)
     VALUES (1, 'api', 'http://x', 1000, 1000, 0, 0, 0)`,
  ).run();
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  cleanup = () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { dataDir, db, clock };
}

describe('check results on a full disk', () => {
  it('keeps results in memory while writes are refused and writes each exactly once when space is back', () => {
    const { db, clock } = setup();
    const writer = new CheckWriter(db, clock, (err) => storageFault(err) !== null);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const t0 = clock.now();
    for (let i = 0; i < 3_000; i++) writer.push(1, result(t0 + i * 1000, i));
    clock.advance(10_000);
    expect(db.prepare('SELECT COUNT(*) FROM checks').pluck().get()).toBe(0);
    expect(writer.pending()).toBe(3_000);

    db.pragma('max_page_count = 1073741823');
    clock.advance(2_000);
    expect(writer.pending()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM checks').pluck().get()).toBe(3_000);
    expect(db.prepare('SELECT COUNT(DISTINCT ts) FROM checks').pluck().get()).toBe(3_000);
    expect(db.prepare('SELECT SUM(checks) FROM probe_rollups WHERE res = 60000').pluck().get()).toBe(3_000);
    expect(writer.dropped).toBe(0);
  });

  it('drops the oldest results beyond its bound and counts them', () => {
    const { db, clock } = setup();
    const writer = new CheckWriter(db, clock, (err) => storageFault(err) !== null);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const t0 = clock.now();
    const n = MAX_PENDING_CHECKS + 250;
    for (let i = 0; i < n; i++) writer.push(1, result(t0 + i * 1000, i));
    expect(writer.pending()).toBe(MAX_PENDING_CHECKS);
    expect(writer.dropped).toBe(250);
    db.pragma('max_page_count = 1073741823');
    clock.advance(2_000);
    expect(db.prepare('SELECT MIN(ts) FROM checks').pluck().get()).toBe(t0 + 250 * 1000);
  });
});

describe('the storage guard', () => {
  it('gives back the reserve on a fault, frees space, and reports ok once the reserve is made again', async () => {
    const { dataDir, clock } = setup();
    let freed = 0;
    const guard = new StorageGuard(dataDir, clock, async () => {
      freed++;
    });
    guard.start();
    const reserve = path.join(dataDir, RESERVE_FILE);
    expect(fs.statSync(reserve).size).toBe(RESERVE_BYTES);
    expect(guard.status().state).toBe('ok');

    expect(guard.isFault(new Error('UNIQUE constraint failed'))).toBe(false);
    expect(guard.isFault(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    clock.advance(100);
    const full = guard.status();
    expect(full).toMatchObject({ state: 'full', reason: 'SQLITE_FULL', since: clock.now(), faults: 1 });
    expect(fs.existsSync(reserve)).toBe(false);
    await guard.stop();
    expect(freed).toBe(1);

    // A writer thread's fault, seen through the shared mark, keeps it full; a quiet interval with room ends it.
    guard.start();
    guard.mark.fault('ENOSPC', clock.now());
    clock.advance(1_000);
    expect(guard.status()).toMatchObject({ state: 'full', reason: 'ENOSPC', faults: 2 });
    clock.advance(1_000);
    expect(guard.status()).toMatchObject({ state: 'ok', reason: null, since: clock.now() });
    expect(fs.statSync(reserve).size).toBe(RESERVE_BYTES);
    await guard.stop();
  });
});
