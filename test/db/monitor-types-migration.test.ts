import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '@/lib/db/migrate';
import { tempDir } from '../helpers/temp-dir';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 050: target types', () => {
  it('makes every existing target an http target with no options and keeps its checks', () => {
    const dir = tempDir();
    dirs.push(dir);
    const before = path.join(dir, 'migrations');
    fs.mkdirSync(before);
    for (const m of listMigrations().filter((m) => m.version < 50)) fs.writeFileSync(path.join(before, m.name), m.sql);
    const db = new Database(path.join(dir, 'lookout.db'));
    migrate(db, before);
    db.prepare(
      `INSERT INTO targets (id, name, url, interval_ms, timeout_ms, created_at, updated_at, status_since)
       VALUES (1, 'api', 'https://x/health', 30000, 10000, 0, 0, 0)`,
    ).run();
    db.prepare('INSERT INTO checks (target_id, ts, up, latency_ms) VALUES (1, 5, 1, 12)').run();
    migrate(db);
    expect(db.prepare('SELECT type, options, ping_token_hash, last_ping_at FROM targets').get()).toEqual({
      type: 'http',
      options: '{}',
      ping_token_hash: null,
      last_ping_at: null,
    });
    expect(db.prepare('SELECT up, metrics FROM checks').get()).toEqual({ up: 1, metrics: null });
    db.close();
  });
});
