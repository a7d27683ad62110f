import path from 'node:path';
import Database from 'better-sqlite3';
import { storageFault } from '@/lib/db/storage-fault';

const EVERY_MS = 250;

/**
 * Copies committed WAL pages into the database from a thread of its own. A checkpoint reads and
 * writes the whole WAL and syncs the file; done by the ingest writer it stalls ingestion, done here it
 * runs beside the writer (PASSIVE never waits for it). The writer's own checkpoint then finds little
 * left to copy, and resets the WAL so it stays small.
 */
export function runCheckpointer(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'lookout.db'), { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  // A checkpoint copies WAL frames into the file; it reads next to nothing through the page cache.
  db.pragma('cache_size = -1000');
  setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      // Busy: another connection is checkpointing; the next round will find the pages it left.
      // Full disk: the database cannot grow to take the WAL's pages; the next round tries again.
      if (!(err instanceof Database.SqliteError && err.code.startsWith('SQLITE_BUSY')) && !storageFault(err)) throw err;
    }
  }, EVERY_MS);
}
