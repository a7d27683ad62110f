import type { Clock, TimerHandle } from '@/lib/clock';
import type { Settings } from '@/lib/config/provisioning';
import type { Db } from '@/lib/db/connection';

const BATCH = 2_000;
const EVERY_MS = 60_000;
/** 1m rollups serve only the edges of windows up to 30 days, so they need not live longer. */
const MINUTE_ROLLUPS_MS = 35 * 86_400_000;
/** 10 s rollups serve charts of the last hours and the edges of day-long windows. */
const TEN_SECOND_ROLLUPS_MS = 2 * 86_400_000;

interface PruneStep {
  table: string;
  sql: string;
  cutoff: (now: number, s: Settings) => number;
}

/** A log rollup table's three resolutions: 10 s and 1 m buckets go sooner than the coarse ones. */
function logRollupSteps(table: string, key: string): PruneStep[] {
  const sql = (res: string) =>
    `DELETE FROM ${table} WHERE (${key}) IN (SELECT ${key} FROM ${table} WHERE res ${res} AND ts < ? LIMIT ?)`;
  return [
    {
      table: `${table} 10s`,
      sql: sql('= 10000'),
      cutoff: (now, s) => now - Math.max(TEN_SECOND_ROLLUPS_MS, s.retention.logsMs),
    },
    {
      table: `${table} 1m`,
      sql: sql('= 60000'),
      cutoff: (now, s) => now - Math.max(MINUTE_ROLLUPS_MS, s.retention.logsMs),
    },
    { table, sql: sql('> 60000'), cutoff: (now, s) => now - s.retention.rollupsMs },
  ];
}

const STEPS: PruneStep[] = [
  {
    table: 'checks',
    sql: 'DELETE FROM checks WHERE id IN (SELECT id FROM checks WHERE ts < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.checksMs,
  },
  {
    table: 'probe_up_runs',
    sql: 'DELETE FROM probe_up_runs WHERE rowid IN (SELECT rowid FROM probe_up_runs WHERE last_ts < ? LIMIT ?)',
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
    table: 'logs',
    sql: 'DELETE FROM logs WHERE id IN (SELECT id FROM logs WHERE ts < ? ORDER BY ts LIMIT ?)',
    cutoff: (now, s) => now - s.retention.logsMs,
  },
  {
    table: 'requests',
    sql: 'DELETE FROM requests WHERE id IN (SELECT id FROM requests WHERE ts < ? ORDER BY ts LIMIT ?)',
    cutoff: (now, s) => now - s.retention.logsMs,
  },
  ...logRollupSteps('log_rollups', 'res, ts, source_id, provider, model, status'),
  {
    table: 'log_line_rollups fine',
    sql: 'DELETE FROM log_line_rollups WHERE (res, ts, source_id, level, provider, status) IN (SELECT res, ts, source_id, level, provider, status FROM log_line_rollups WHERE res <= 60000 AND ts < ? LIMIT ?)',
    cutoff: (now, s) => now - Math.max(MINUTE_ROLLUPS_MS, s.retention.logsMs),
  },
  {
    table: 'log_line_rollups',
    sql: 'DELETE FROM log_line_rollups WHERE (res, ts, source_id, level, provider, status) IN (SELECT res, ts, source_id, level, provider, status FROM log_line_rollups WHERE res > 60000 AND ts < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.rollupsMs,
  },
  {
    // Word counts serve only where the lines are kept (the histogram counts older buckets from nothing).
    table: 'log_token_rollups',
    sql: 'DELETE FROM log_token_rollups WHERE (token, ts, source_id) IN (SELECT token, ts, source_id FROM log_token_rollups WHERE ts < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.logsMs - 60_000,
  },
  {
    table: 'log_field_rollups',
    sql: 'DELETE FROM log_field_rollups WHERE (field, value, ts, source_id) IN (SELECT field, value, ts, source_id FROM log_field_rollups WHERE ts < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.logsMs - 60_000,
  },
  ...logRollupSteps('log_route_rollups', 'res, ts, source_id, provider, model, method, route'),
  {
    table: 'notifications',
    sql: 'DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE at < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.rollupsMs,
  },
  {
    // Ended windows made in the UI or API; provisioned ones follow the file.
    table: 'maintenance_windows',
    sql: 'DELETE FROM maintenance_windows WHERE id IN (SELECT id FROM maintenance_windows WHERE provisioned = 0 AND ends_at < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.rollupsMs,
  },
  {
    table: 'alert_history',
    sql: 'DELETE FROM alert_history WHERE id IN (SELECT id FROM alert_history WHERE ts < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.rollupsMs,
  },
  {
    table: 'system_samples',
    sql: 'DELETE FROM system_samples WHERE (series_id, ts) IN (SELECT series_id, ts FROM system_samples WHERE ts < ? LIMIT ?)',
    // Raw 15 s samples of every host and process series add up; a week serves rules and the /system charts.
    cutoff: (now, s) => now - Math.min(s.retention.checksMs, 8 * 86_400_000),
  },
  {
    // OTLP series arrive once a minute or so per series; usage views look back months, like rollups.
    table: 'otlp_samples',
    sql: 'DELETE FROM otlp_samples WHERE (series_id, ts) IN (SELECT series_id, ts FROM otlp_samples WHERE ts < ? LIMIT ?)',
    cutoff: (now, s) => now - s.retention.rollupsMs,
  },
  {
    table: 'sessions',
    sql: 'DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < ? LIMIT ?)',
    cutoff: (now) => now,
  },
];

/** Deletes expired rows in small batches, one short transaction each, yielding between batches. */
export async function pruneOnce(
  db: Db,
  now: number,
  settings: Settings,
  batch = BATCH,
): Promise<Record<string, number>> {
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
  deleted['logs over max_db_size'] = await pruneToSize(db, settings.retention.maxDbBytes, batch);
  return deleted;
}

/** Bytes the database uses: freed pages are reused by SQLite, so they do not count. */
export function usedBytes(db: Db): number {
  const pages =
    (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
  return pages * (db.pragma('page_size', { simple: true }) as number);
}

/** Over `max_db_size`, the oldest raw log lines go first; rollups, checks and state stay. */
async function pruneToSize(db: Db, maxBytes: number, batch: number): Promise<number> {
  const oldest = db.prepare('SELECT ts FROM logs ORDER BY ts LIMIT 1 OFFSET ?').pluck();
  const newest = db.prepare('SELECT MAX(ts) FROM logs').pluck();
  const dropLogs = db.prepare('DELETE FROM logs WHERE id IN (SELECT id FROM logs WHERE ts <= ? ORDER BY ts LIMIT ?)');
  const dropRequests = db.prepare(
    'DELETE FROM requests WHERE id IN (SELECT id FROM requests WHERE ts <= ? ORDER BY ts LIMIT ?)',
  );
  let total = 0;
  while (usedBytes(db) > maxBytes) {
    const cutoff = (oldest.get(batch - 1) ?? newest.get()) as number | null;
    if (cutoff === null) break;
    const n = db.transaction(() => {
      dropRequests.run(cutoff, batch);
      return dropLogs.run(cutoff, batch).changes;
    })();
    total += n;
    if (n === 0) break;
    await new Promise((r) => setImmediate(r));
  }
  return total;
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
