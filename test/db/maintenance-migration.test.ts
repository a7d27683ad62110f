import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '@/lib/db/migrate';
import { getWindowStats } from '@/lib/queries/get-window-stats';
import { tempDir } from '../helpers/temp-dir';

const T0 = Date.UTC(2026, 10, 1);
let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 055 (maintenance windows)', () => {
  it('keeps existing checks, rollups, incidents and notifications, all outside any window', () => {
    dir = tempDir();
    const before = path.join(dir, 'migrations');
    fs.mkdirSync(before);
    for (const m of listMigrations().filter((m) => m.version < 55)) fs.writeFileSync(path.join(before, m.name), m.sql);
    const db = new Database(path.join(dir, 'lookout.db'));
    migrate(db, before);
    db.prepare(
      `INSERT INTO targets (id, name, url, interval_ms, timeout_ms, created_at, updated_at, status_since)
       VALUES (1, 'api', 'http://x/health', 30000, 1000, 0, 0, 0)`,
    ).run();
    db.prepare('INSERT INTO checks (target_id, ts, up, latency_ms) VALUES (1, ?, ?, 5)').run(T0, 1);
    db.prepare('INSERT INTO checks (target_id, ts, up, latency_ms) VALUES (1, ?, ?, 5)').run(T0 + 30_000, 0);
    db.prepare(
      `INSERT INTO probe_rollups (target_id, res, ts, checks, up, latency_count, latency_sum, hist)
       VALUES (1, 3600000, ?, 2, 1, 2, 10, '{}')`,
    ).run(T0);
    db.prepare("INSERT INTO incidents (target_id, start, reason) VALUES (1, ?, 'down')").run(T0 + 30_000);
    db.prepare(
      `INSERT INTO notifications (at, receiver, integration, group_key, status, alerts, ok, attempts)
       VALUES (?, 'hook', 'webhook[0]', '{}', 'firing', 1, 1, 1)`,
    ).run(T0);

    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(55);
    expect(db.prepare('SELECT maintenance FROM checks').pluck().all()).toEqual([0, 0]);
    expect(db.prepare('SELECT maintenance FROM incidents').pluck().all()).toEqual([0]);
    expect(db.prepare('SELECT maint_checks, maint_up FROM probe_rollups').get()).toEqual({
      maint_checks: 0,
      maint_up: 0,
    });
    expect(db.prepare('SELECT muted_by FROM notifications').pluck().all()).toEqual([null]);
    expect(db.prepare('SELECT COUNT(*) FROM maintenance_windows').pluck().get()).toBe(0);
    // Uptime over the old rows is what it was.
    expect(getWindowStats(db, T0, T0 + 3_600_000, 1, false).get(1)).toMatchObject({ checks: 2, up: 1 });
    db.close();
  });
});
