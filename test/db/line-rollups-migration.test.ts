import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '@/lib/db/migrate';
import { tempDir } from '../helpers/temp-dir';

const T0 = Date.UTC(2026, 10, 1);
const RESOLUTIONS = [10_000, 60_000, 3_600_000, 86_400_000];

let dir: string;
let db: Database.Database;

/** A database as migration 007 left it, with lines and the level rollups the writer kept then. */
function databaseAt007(): Database.Database {
  const before = path.join(dir, 'migrations');
  fs.mkdirSync(before);
  for (const m of listMigrations().filter((m) => m.version <= 7)) fs.writeFileSync(path.join(before, m.name), m.sql);
  const d = new Database(path.join(dir, 'lookout.db'));
  migrate(d, before);
  d.prepare(
    `INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'ccproxy', 'file', 0), (2, 'other', 'http', 0)`,
  ).run();
  const insert = d.prepare(
    'INSERT INTO logs (source_id, ts, level, message, provider, status) VALUES (?, ?, ?, ?, ?, ?)',
  );
  d.transaction(() => {
    for (let i = 0; i < 30_000; i++) {
      const level = [null, 'info', 'info', 'warn', 'error'][i % 5];
      const provider = [null, 'groq', 'openai'][i % 3];
      const status = i % 4 === 0 ? null : [200, 200, 429, 502][(i % 7) % 4];
      insert.run(1 + (i % 2), T0 + i * 7_919, level, `line ${i}`, provider, status);
    }
  })();
  for (const res of RESOLUTIONS) {
    d.prepare(
      `INSERT INTO log_level_rollups SELECT ?, ts - ts % ?, source_id, coalesce(level, ''), COUNT(*) FROM logs GROUP BY 2, 3, 4`,
    ).run(res, res);
  }
  // Retention has pruned the oldest lines, mid-bucket at every width; their rollups stay.
  d.prepare('DELETE FROM logs WHERE ts < ?').run(T0 + 86_400_000 + 3_600_000 + 61_234);
  return d;
}

beforeEach(() => {
  dir = tempDir();
  db = databaseAt007();
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 008: line rollups by level, provider and status', () => {
  it('keeps every level count and counts provider and status exactly where the lines are kept', () => {
    const levelsBefore = db
      .prepare('SELECT res, ts, source_id, level, lines FROM log_level_rollups ORDER BY 1, 2, 3, 4')
      .all();
    migrate(db);
    const levelsAfter = db
      .prepare(
        'SELECT res, ts, source_id, level, SUM(lines) lines FROM log_line_rollups GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4',
      )
      .all();
    expect(levelsAfter).toEqual(levelsBefore);

    const oldest = db.prepare('SELECT MIN(ts) FROM logs').pluck().get() as number;
    for (const res of RESOLUTIONS) {
      const firstWhole = Math.ceil(oldest / res) * res;
      const fromLines = db
        .prepare(
          `SELECT ts - ts % ? ts, source_id, coalesce(level, '') level, coalesce(provider, '') provider, coalesce(status, 0) status, COUNT(*) lines
           FROM logs WHERE ts >= ? GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
        )
        .all(res, firstWhole);
      const rolled = db
        .prepare(
          'SELECT ts, source_id, level, provider, status, lines FROM log_line_rollups WHERE res = ? AND ts >= ? ORDER BY 1, 2, 3, 4, 5',
        )
        .all(res, firstWhole);
      expect(rolled, `width ${res}`).toEqual(fromLines);
      expect(rolled.length).toBeGreaterThan(0);
    }
  });

  it('drops the level rollups and the two partial indexes it replaces', () => {
    migrate(db);
    const names = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE name IN ('log_level_rollups', 'logs_status_ts', 'logs_provider_ts')`,
      )
      .all();
    expect(names).toEqual([]);
    // Every migration ran: the version is the highest numbered file, 008 or a later one.
    const latest = Math.max(...listMigrations().map((m) => m.version));
    expect(latest).toBeGreaterThanOrEqual(8);
    expect(db.prepare('PRAGMA user_version').pluck().get()).toBe(latest);
  });

  it('migrates a database without lines', () => {
    db.prepare('DELETE FROM logs').run();
    const total = db.prepare('SELECT SUM(lines) FROM log_level_rollups').pluck().get();
    migrate(db);
    expect(db.prepare('SELECT SUM(lines) FROM log_line_rollups').pluck().get()).toBe(total);
  });
});
