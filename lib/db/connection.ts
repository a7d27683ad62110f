import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate';

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
function beginImmediate(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn) => transaction(fn).immediate) as Db['transaction'];
}

/** Opens a write connection, creating the data directory and migrating the schema. */
export function openWriteDb(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'lookout.db'));
  applyPragmas(db);
  beginImmediate(db);
  db.pragma('cache_size = -32000');
  migrate(db);
  return db;
}

/** A read connection: queries never wait behind the writer thanks to WAL. */
export function openReadDb(dataDir: string): Db {
  const db = new Database(path.join(dataDir, 'lookout.db'), { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -64000');
  return db;
}
