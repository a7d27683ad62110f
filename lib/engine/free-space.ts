import type { Clock } from '@/lib/clock';
import type { Settings } from '@/lib/config/provisioning';
import type { Db } from '@/lib/db/connection';
import { pruneOnce } from './retention';

/**
 * On a full disk, with the reserve file given back: retention and max_db_size delete what they may
 * (SQLite reuses the freed pages), then the WAL is copied into the database and truncated.
 */
export async function freeSpaceNow(db: Db, clock: Clock, settings: () => Settings): Promise<void> {
  const deleted = await pruneOnce(db, clock.now(), settings());
  const rows = Object.values(deleted).reduce((a, b) => a + b, 0);
  db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`[lookout] storage: retention removed ${rows} rows; WAL checkpointed and truncated`);
}
