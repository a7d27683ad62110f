import type { Clock, TimerHandle } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import type { Settings } from '@/lib/config/provisioning';

const BATCH = 2_000;
const EVERY_MS = 60_000;
/** 1m rollups serve only the edges of windows up to 30 days, so they need not live longer. */
const MINUTE_ROLLUPS_MS = 35 * 86_400_000;

interface PruneStep {
  table: string;
  sql: string;
  cutoff: (now: number, s: Settings) => number;
}

const STEPS: PruneStep[] = [
  {
    table: 'checks',
    sql: 'DELETE FROM checks WHERE id IN (SELECT id FROM checks WHERE ts < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.checksMs,
  },
  {
    table: 'probe_rollups 1m',
    sql: `DELETE FROM probe_rollups WHERE (target_id, res, ts) IN (SELECT target_id, res, ts FROM probe_rollups WHERE res = 60000 AND ts < ? LIMIT ?)`,
    cutoff: (now, s) => now - Math.max(MINUTE_ROLLUPS_MS, s.retention.checksMs),
  },
  {
    table: 'probe_rollups',
    sql: `DELETE FROM probe_rollups WHERE (target_id, res, ts) IN (SELECT target_id, res, ts FROM probe_rollups WHERE res > 60000 AND ts < ? LIMIT ?)`,
    cutoff: (now, s) => now - s.retention.rollupsMs,
  },
  {
    table: 'incidents',
    sql: 'DELETE FROM incidents WHERE id IN (SELECT id FROM incidents WHERE end IS NOT NULL AND end < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.rollupsMs,
  },
  {
    table: 'sessions',
    sql: 'DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < ? LIMIT ?)',
    cutoff: (now) => now,
  },
];

/** Deletes expired rows in small batches, one short transaction each, yielding between batches. */
export async function pruneOnce(db: Db, now: number, settings: Settings, batch = BATCH): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const step of STEPS) {
    const stmt = db.prepare(step.sql);
    const cutoff = step.cutoff(now, settings);
    let total = 0;
    for (;;) {
      const n = stmt.run(cutoff, batch).changes;
      total += n;
      if (n < batch) break;
      await new Promise((r) => setImmediate(r));
    }
    deleted[step.table] = total;
  }
  return deleted;
}

export class Retention {
  private timer: TimerHandle | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: () => Settings,
  ) {}

  start(): void {
    const tick = () => {
      this.running = pruneOnce(this.db, this.clock.now(), this.settings())
        .catch((err) => console.error('[lookout] retention failed', err))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = this.clock.setTimeout(tick, EVERY_MS);
        });
    };
    this.timer = this.clock.setTimeout(tick, 5_000);
  }

  async stop(): Promise<void> {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
