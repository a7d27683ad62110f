import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsOf } from '@/lib/config/provisioning';
import { openWriteDb } from '@/lib/db/connection';
import { pruneOnce } from '@/lib/engine/retention';
import { tempDir } from '../helpers/temp-dir';

const DAY = 86_400_000;

describe('retention', () => {
  it('prunes expired checks, rollups and closed incidents in small batches, keeping everything younger', async () => {
    const dir = tempDir();
    const db = openWriteDb(path.join(dir, 'data'));
    const now = Date.UTC(2026, 10, 27);
    db.prepare(
      `INSERT INTO targets (id, name, url, interval_ms, timeout_ms, created_at, updated_at, status_since) VALUES (1, 'a', 'http://x', 1000, 1000, 0, 0, 0)`,
    ).run();
    const check = db.prepare('INSERT INTO checks (target_id, ts, up, latency_ms) VALUES (1, ?, 1, 1)');
    const rollup =
      db.prepare(`INSERT INTO probe_rollups (target_id, res, ts, checks, up, latency_count, latency_sum, latency_min, latency_max, hist)
       VALUES (1, ?, ?, 1, 1, 1, 1, 1, 1, '{}')`);
    db.transaction(() => {
      for (let i = 0; i < 5_000; i++) check.run(now - 40 * DAY + i); // expired
      for (let i = 0; i < 100; i++) check.run(now - 29 * DAY + i); // kept
      for (let d = 0; d < 500; d++) rollup.run(86_400_000, now - d * DAY - (now % DAY));
      for (let d = 0; d < 60; d++) rollup.run(60_000, now - d * DAY);
      db.prepare('INSERT INTO incidents (target_id, start, end, reason) VALUES (1, ?, ?, ?)').run(
        now - 500 * DAY,
        now - 499 * DAY,
        'old',
      );
      db.prepare('INSERT INTO incidents (target_id, start, end, reason) VALUES (1, ?, NULL, ?)').run(
        now - 500 * DAY,
        'still open',
      );
    })();

    const settings = settingsOf({ retention: { checks: '30d', rollups: '400d' } });
    const deleted = await pruneOnce(db, now, settings, 300);
    expect(deleted.checks).toBe(5_000);
    expect(db.prepare('SELECT COUNT(*) FROM checks').pluck().get()).toBe(100);
    expect(db.prepare('SELECT COUNT(*) FROM probe_rollups WHERE res = 86400000').pluck().get()).toBe(401);
    expect(db.prepare('SELECT COUNT(*) FROM probe_rollups WHERE res = 60000').pluck().get()).toBe(36);
    expect(db.prepare('SELECT reason FROM incidents').pluck().all()).toEqual(['still open']);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('log retention', () => {
  it('drops logs and requests past retention, then the oldest lines while over max_db_size', async () => {
    const dir = tempDir();
    const db = openWriteDb(path.join(dir, 'data'));
    const now = Date.UTC(2026, 10, 27);
    db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 's', 'http', 0)`).run();
    const insertLog = db.prepare(`INSERT INTO logs (source_id, ts, message) VALUES (1, ?, ?)`);
    const insertFts = db.prepare('INSERT INTO logs_fts (rowid, message) VALUES (?, ?)');
    const log = { run: (ts: number, m: string) => insertFts.run(insertLog.run(ts, m).lastInsertRowid, m) };
    const req = db.prepare(`INSERT INTO requests (source_id, ts, status) VALUES (1, ?, 200)`);
    db.transaction(() => {
      for (let i = 0; i < 3_000; i++) {
        log.run(now - 8 * DAY + i, 'old');
        req.run(now - 8 * DAY + i);
      }
      for (let i = 0; i < 20_000; i++) log.run(now - DAY + i, 'x'.repeat(400));
    })();
    const kept = settingsOf({ retention: { logs: '7d' } });
    await pruneOnce(db, now, kept, 500);
    expect(db.prepare('SELECT COUNT(*) FROM logs').pluck().get()).toBe(20_000);
    expect(db.prepare('SELECT COUNT(*) FROM requests').pluck().get()).toBe(0);

    const small = settingsOf({ retention: { logs: '7d', max_db_size: '4MB' } });
    const deleted = await pruneOnce(db, now, small, 500);
    expect(deleted['logs over max_db_size']).toBeGreaterThan(0);
    const left = db.prepare('SELECT MIN(ts) FROM logs').pluck().get() as number;
    expect(left).toBeGreaterThan(now - DAY);
    expect(db.prepare('SELECT COUNT(*) FROM logs_fts').pluck().get()).toBe(
      db.prepare('SELECT COUNT(*) FROM logs').pluck().get(),
    );
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
