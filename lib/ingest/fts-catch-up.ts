import type { Clock, TimerHandle } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import { storageFault } from '@/lib/db/storage-fault';
import { createBehindIndexer, ftsBacklog } from './fts-index';

const EVERY_MS = 250;
const ROWS = 5_000;
/** Indexing waits for a pause in ingestion, unless it falls this far behind. */
const QUIET_MS = 500;
const MAX_LAG_ROWS = 100_000;
/** In a pause, chunks follow each other for this long a tick, so a bulk load is indexed in about a minute, not many. */
const QUIET_SLICE_MS = 120;

/** Catches the full-text index up with bulk-ingested rows, in short transactions between batches. */
export class FtsCatchUp {
  private timer: TimerHandle | null = null;
  private lastCommitAt = 0;
  private readonly indexBehind: (max: number) => number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.indexBehind = createBehindIndexer(db);
  }

  start(): void {
    const tick = () => {
      try {
        this.step();
      } catch (err) {
        // On a full disk the index waits, like ingestion, and catches up once there is room.
        if (!storageFault(err)) throw err;
      }
      this.timer = this.clock.setTimeout(tick, EVERY_MS);
    };
    this.timer = this.clock.setTimeout(tick, EVERY_MS);
  }

  stop(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  committed(): void {
    this.lastCommitAt = this.clock.now();
  }

  step(): number {
    const quiet = this.clock.now() - this.lastCommitAt >= QUIET_MS;
    if (!quiet) return this.lag() < MAX_LAG_ROWS ? 0 : this.indexBehind(ROWS);
    const started = performance.now();
    let total = 0;
    for (;;) {
      const n = this.indexBehind(ROWS);
      total += n;
      if (n < ROWS || performance.now() - started >= QUIET_SLICE_MS) return total;
    }
  }

  private lag(): number {
    return ftsBacklog(this.db);
  }
}
