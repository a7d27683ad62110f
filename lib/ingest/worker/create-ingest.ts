import { systemClock, type Clock } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import type { WriteTurns } from '@/lib/db/write-turns';
import type { Ingest } from '../ingest';
import { IngestService } from '../ingest-service';
import { IngestClient, MAIN_AUTOCHECKPOINT_PAGES, workerBundlePath } from './ingest-client';

/** A worker thread on the real clock when its bundle exists; in-process under a fake clock, where tests drive time. */
export function createIngest(db: Db, clock: Clock, dataDir: string, turns: WriteTurns): Ingest {
  const bundle = clock === systemClock ? workerBundlePath() : null;
  if (!bundle) return new IngestService(db, clock);
  db.pragma(`wal_autocheckpoint = ${MAIN_AUTOCHECKPOINT_PAGES}`);
  return new IngestClient(bundle, { dataDir, writeTurns: turns.buffer });
}
