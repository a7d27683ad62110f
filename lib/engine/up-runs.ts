import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@/lib/db/connection';

/** Neighbouring checks further apart start a new run; a coarse `up` needs a lookback at least this long. */
export const UP_RUN_GAP_MS = 300_000;

interface LastRun {
  rowid: number;
  last_ts: number;
  up: number;
}

/** Extends a target's last run of `up` by one check, or starts a new run; called with the check's insert. */
export function createUpRunWriter(db: Db): (targetId: number, ts: number, up: boolean) => void {
  const last = db.prepare(
    'SELECT rowid, last_ts, up FROM probe_up_runs WHERE target_id = ? ORDER BY first_ts DESC LIMIT 1',
  );
  const extend = db.prepare('UPDATE probe_up_runs SET last_ts = ?, checks = checks + 1 WHERE rowid = ?');
  const start = db.prepare(
    'INSERT INTO probe_up_runs (target_id, first_ts, last_ts, up, checks) VALUES (?, ?, ?, ?, 1)',
  );
  return (targetId, ts, up) => {
    const run = last.get(targetId) as LastRun | undefined;
    const value = up ? 1 : 0;
    // A check older than the run's end (a clock step back) starts an overlapping run, which readers refuse.
    if (run && run.up === value && ts >= run.last_ts && ts - run.last_ts <= UP_RUN_GAP_MS) extend.run(ts, run.rowid);
    else start.run(targetId, ts, ts, value);
  };
}

/** Rebuilds every run from the checks, as migration 083 does (for checks written around the check writer). */
export function rebuildUpRuns(db: Db): void {
  const sql = fs.readFileSync(path.join(process.cwd(), 'lib/db/migrations/083_probe_up_runs.sql'), 'utf8');
  const fill = sql.slice(sql.indexOf('INSERT INTO probe_up_runs'));
  db.transaction(() => {
    db.exec('DELETE FROM probe_up_runs');
    db.exec(fill);
  })();
}
