import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import type { WriteTurns } from './write-turns';

export type Db = Database.Database;

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
}

/**
 * Two connections write (the engine's and the ingestion worker's). A deferred transaction that reads
 * before it writes fails at once with SQLITE_BUSY when the other committed meanwhile — the busy timeout
 * cannot wait that out — so every transaction on a write connection begins IMMEDIATE.
 */
function beginImmediate(db: Db, around: (<T>(write: () => T) => T) | null): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn) => {
    const immediate = transaction(fn).immediate as (...args: unknown[]) => unknown;
    return around ? (...args: unknown[]) => around(() => immediate(...args)) : immediate;
  }) as Db['transaction'];
}

/** Every write of this connection outside a transaction (which is announced whole) is announced. */
function announceStatements(db: Db, turns: WriteTurns): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (statement.readonly) return statement;
    const run = statement.run.bind(statement);
    statement.run = (...args: unknown[]) => (db.inTransaction ? run(...args) : turns.announce(() => run(...args)));
    return statement;
  }) as Db['prepare'];
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => (db.inTransaction ? exec(sql) : turns.announce(() => exec(sql)));
}

/** How a write connection shares the lock: the main thread announces its writes, the log writer gives way to them. */
export type WriteTurnsRole = { announce: WriteTurns } | { giveWay: WriteTurns };

const GIVE_WAY_MAX_MS = 2_000;

/**
 * Page cache per connection, in KiB. Each fills up to its cap over a long run and stays resident, and the
 * OS caches the file besides: the engine's and the log writer's connections get 16 MB, read queries 32 MB.
 */
const WRITE_CACHE_KIB = 16_000;
const READ_CACHE_KIB = 32_000;

/** Opens a write connection, creating the data directory and migrating the schema. */
export function openWriteDb(dataDir: string, turns?: WriteTurnsRole, cacheKiB = WRITE_CACHE_KIB): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'lookout.db'));
  applyPragmas(db);
  if (turns && 'announce' in turns) {
    const t = turns.announce;
    beginImmediate(db, (write) => (db.inTransaction ? write() : t.announce(write)));
    announceStatements(db, t);
  } else if (turns) {
    const t = turns.giveWay;
    beginImmediate(db, (write) => {
      if (!db.inTransaction) t.giveWay(GIVE_WAY_MAX_MS);
      return write();
    });
  } else beginImmediate(db, null);
  db.pragma(`cache_size = -${cacheKiB}`);
  migrate(db);
  return db;
}

/** A read connection: queries never wait behind the writer thanks to WAL. */
export function openReadDb(dataDir: string): Db {
  const db = new Database(path.join(dataDir, 'lookout.db'), { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${READ_CACHE_KIB}`);
  return db;
}
