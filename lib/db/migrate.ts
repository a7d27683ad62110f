import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

const DIR = path.join(process.cwd(), 'lib', 'db', 'migrations');

export function listMigrations(dir = DIR): { version: number; name: string; sql: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Applies every numbered migration above `PRAGMA user_version`, each in its own transaction. */
export function migrate(db: Database.Database, dir = DIR): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let applied = 0;
  for (const m of listMigrations(dir)) {
    if (m.version <= current) continue;
    // Upgrading a database that holds data may rewrite much of it (008 recounts the kept lines): say so.
    const started = Date.now();
    if (current > 0) console.log(`[lookout] database: applying migration ${m.name}…`);
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    if (current > 0)
      console.log(`[lookout] database: ${m.name} applied in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    applied++;
  }
  return applied;
}
