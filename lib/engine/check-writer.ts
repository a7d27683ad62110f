import type { Clock, TimerHandle } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import { windowFor } from '@/lib/maintenance/activity';
import { readWindowsAround } from '@/lib/maintenance/window-store';
import type { ProbeResult } from '@/lib/probes/types';
import { applyCheck, closeOpenIncident, type Status } from '@/lib/targets/status';
import { RollupBuffer } from './rollup-buffer';
import { createUpRunWriter } from './up-runs';

const FLUSH_MS = 250;
const MAX_BATCH = 500;
/** Results kept while the disk is full (docs/operations.md#full-disk); beyond, the oldest are dropped and counted. */
export const MAX_PENDING_CHECKS = 10_000;
const RETRY_MS = 2_000;
type Pending = { targetId: number; result: ProbeResult };

interface StateRow {
  name: string;
  status: Status;
  status_since: number;
  fail_streak: number;
  ok_streak: number;
  failure_threshold: number;
  success_threshold: number;
}

/**
 * Batches check results and writes them in one transaction: the raw check, the target's status and
 * incidents, and the rollups, so charts and uptime never disagree with the checks they come from.
 */
export class CheckWriter {
  private queue: Pending[] = [];
  private timer: TimerHandle | null = null;
  private readonly flushTx: (batch: Pending[]) => void;
  /** A write failed for lack of space: results wait for the retry timer instead of forcing writes. */
  private backingOff = false;
  private stopped = false;
  /** Results dropped because the disk stayed full for longer than MAX_PENDING_CHECKS results. */
  dropped = 0;

  /** `isStorageFault` says whether a failed write is a full disk, which keeps the results for a retry. */
  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly isStorageFault: (err: unknown) => boolean = () => false,
  ) {
    const getState = db.prepare(
      'SELECT name, status, status_since, fail_streak, ok_streak, failure_threshold, success_threshold FROM targets WHERE id = ?',
    );
    const insertCheck = db.prepare(
      'INSERT INTO checks (target_id, ts, up, status_code, latency_ms, error, gauges, metrics, maintenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const setState = db.prepare(
      'UPDATE targets SET status = ?, status_since = ?, fail_streak = ?, ok_streak = ? WHERE id = ?',
    );
    const openIncident = db.prepare(
      'INSERT INTO incidents (target_id, start, end, reason, maintenance) VALUES (?, ?, NULL, ?, ?)',
    );
    const extendUpRun = createUpRunWriter(db);
    this.flushTx = db.transaction((batch: Pending[]) => {
      const rollups = new RollupBuffer();
      // Checks made in a maintenance window are kept but marked, so uptime can leave them out (docs/maintenance.md).
      const times = batch.map((p) => p.result.ts);
      const windows = readWindowsAround(db, Math.min(...times), Math.max(...times));
      for (const { targetId, result: r } of batch) {
        const row = getState.get(targetId) as StateRow | undefined;
        if (!row) continue; // deleted while its check ran
        const gauges = Object.keys(r.gauges).length ? JSON.stringify(r.gauges) : null;
        const metrics = r.metrics && Object.keys(r.metrics).length ? JSON.stringify(r.metrics) : null;
        const maint = windows.length > 0 && windowFor(windows, row.name, r.ts) !== null ? 1 : 0;
        insertCheck.run(targetId, r.ts, r.up ? 1 : 0, r.statusCode, r.latencyMs, r.error, gauges, metrics, maint);
        extendUpRun(targetId, r.ts, r.up);
        const { state, transition } = applyCheck(
          { status: row.status, since: row.status_since, failStreak: row.fail_streak, okStreak: row.ok_streak },
          { failure: row.failure_threshold, success: row.success_threshold },
          { ts: r.ts, up: r.up, error: r.error },
        );
        setState.run(state.status, state.since, state.failStreak, state.okStreak, targetId);
        if (transition?.to === 'down') openIncident.run(targetId, r.ts, transition.reason, maint);
        if (transition?.to === 'up') closeOpenIncident(db, targetId, r.ts);
        rollups.add(targetId, r.ts, r.up, (r.answered ?? r.statusCode !== null) ? r.latencyMs : null, maint === 1);
      }
      rollups.flush(db);
    });
  }

  push(targetId: number, result: ProbeResult): void {
    this.queue.push({ targetId, result });
    if (this.queue.length > MAX_PENDING_CHECKS) this.dropped += this.queue.splice(0, 1).length;
    if (this.backingOff || this.stopped) return;
    if (this.queue.length >= MAX_BATCH) this.flush();
    else if (!this.timer) this.timer = this.clock.setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Results are removed from the queue only once their transaction committed. */
  flush(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const n = this.queue.length;
    if (n === 0) return;
    try {
      this.flushTx(this.queue.slice(0, n));
      this.queue.splice(0, n);
      this.backingOff = false;
    } catch (err) {
      if (!this.isStorageFault(err)) {
        this.queue.splice(0, n);
        throw err;
      }
      this.backingOff = true;
      if (!this.stopped) this.timer = this.clock.setTimeout(() => this.flush(), RETRY_MS);
    }
  }

  /** Writes what it can; results still unwritten (a full disk at shutdown) are counted as dropped. */
  stop(): void {
    this.stopped = true;
    this.flush();
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.dropped += this.queue.splice(0).length;
  }

  pending(): number {
    return this.queue.length;
  }
}
