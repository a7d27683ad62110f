import { type Clock, systemClock } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import type { StorageFaultMark } from '@/lib/db/storage-fault-mark';
import type { WriteTurns } from '@/lib/db/write-turns';
import { ftsBacklog } from '../fts-index';
import type { Ingest } from '../ingest';
import { IngestService } from '../ingest-service';
import { IngestClient, type IngestClientHost, MAIN_AUTOCHECKPOINT_PAGES, workerBundlePath } from './ingest-client';

/** SQLite's default: while no worker thread checkpoints, the main connection's commits keep the WAL small. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/** The main thread's answers to the worker client: is there work besides calls, and the WAL policy while threads run. */
export function ingestClientHost(db: Db): IngestClientHost {
  const tailed = db
    .prepare(`SELECT EXISTS (SELECT 1 FROM log_sources WHERE kind = 'file' AND path IS NOT NULL)`)
    .pluck();
  return {
    busy: () => tailed.get() === 1 || ftsBacklog(db) > 0,
    running: (on) => db.pragma(`wal_autocheckpoint = ${on ? MAIN_AUTOCHECKPOINT_PAGES : DEFAULT_AUTOCHECKPOINT_PAGES}`),
  };
}

/** A worker thread on the real clock when its bundle exists; in-process under a fake clock, where tests drive time. */
export function createIngest(
  db: Db,
  clock: Clock,
  dataDir: string,
  turns: WriteTurns,
  faults?: StorageFaultMark,
): Ingest {
  const bundle = clock === systemClock ? workerBundlePath() : null;
  if (!bundle) return new IngestService(db, clock, { faults });
  return new IngestClient(
    bundle,
    { dataDir, writeTurns: turns.buffer, storageFaults: faults?.buffer },
    ingestClientHost(db),
  );
}
