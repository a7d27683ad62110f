import type { Db } from '@/lib/db/connection';
import { UP_RUN_GAP_MS } from '@/lib/engine/up-runs';
import { matchesAll, type StepAnswer, type StepGrid, type StepSeries } from '@/lib/rules/series-source';
import { instanceOf } from './probe-series';
import type { Matcher } from './types';

interface TargetRow {
  id: number;
  job: string;
  url: string;
  paused: number;
  stoppedAt: number | null;
  minTs: number | null;
  maxTs: number | null;
  runFirst: number | null;
  runLast: number | null;
}

type Run = [targetId: number, firstTs: number, lastTs: number, up: number];

/**
 * `up` at every step of a grid from the runs of probe_up_runs, exactly as the latest check in (t - lookback, t]
 * would give it: inside a run every check is followed by the next within UP_RUN_GAP_MS ≤ lookback, so any t in
 * it has a check in its window with the run's value; past a run's end its last check counts while in the window.
 * Undefined when the runs do not account for the checks (checks written around the check writer), or overlap.
 */
export function upSteps(db: Db, matchers: Matcher[], grid: StepGrid, lookbackMs: number): StepAnswer | undefined {
  if (lookbackMs < UP_RUN_GAP_MS || grid.lastMs < grid.firstMs) return undefined;
  // As the step-by-step read: a paused target's series go stale when it was paused, at the latest when due.
  const targets = db
    .prepare(
      `SELECT id, job, url, paused, CASE WHEN paused = 1 THEN max(maxTs + 1, min(updated_at, maxTs + interval_ms)) END stoppedAt,
         minTs, maxTs, runFirst, runLast FROM (
         SELECT t.id, t.name job, t.url, t.paused, t.updated_at, t.interval_ms,
           (SELECT min(c.ts) FROM checks c WHERE c.target_id = t.id) minTs,
           (SELECT max(c.ts) FROM checks c WHERE c.target_id = t.id) maxTs,
           (SELECT r.first_ts FROM probe_up_runs r WHERE r.target_id = t.id ORDER BY r.first_ts LIMIT 1) runFirst,
           (SELECT r.last_ts FROM probe_up_runs r WHERE r.target_id = t.id ORDER BY r.first_ts DESC LIMIT 1) runLast
         FROM targets t) ORDER BY id`,
    )
    .all() as TargetRow[];
  const wanted = new Map<number, { row: TargetRow; labels: Record<string, string> }>();
  for (const row of targets) {
    if (row.maxTs === null) continue;
    if (row.runLast !== row.maxTs || row.runFirst === null || row.minTs === null || row.runFirst > row.minTs)
      return undefined;
    const labels = { __name__: 'up', job: row.job, instance: instanceOf(row.url) };
    if (matchesAll(matchers, labels)) wanted.set(row.id, { row, labels });
  }
  const runs = db
    .prepare(
      'SELECT target_id, first_ts, last_ts, up FROM probe_up_runs WHERE last_ts > ? AND first_ts <= ? ORDER BY target_id, first_ts',
    )
    .raw()
    .all(grid.firstMs - lookbackMs, grid.lastMs) as Run[];
  const byTarget = new Map<number, Run[]>();
  for (const run of runs) {
    if (!wanted.has(run[0])) continue;
    let list = byTarget.get(run[0]);
    if (!list) byTarget.set(run[0], (list = []));
    const prev = list[list.length - 1];
    if (prev && run[1] <= prev[2]) return undefined;
    list.push(run);
  }
  const steps = Math.floor((grid.lastMs - grid.firstMs) / grid.stepMs) + 1;
  const out: StepSeries[] = [];
  for (const [id, { row, labels }] of wanted) {
    const list = byTarget.get(id);
    if (!list) continue;
    const values = new Float64Array(steps);
    const present = new Uint8Array(steps);
    const minTs = row.minTs ?? 0;
    let j = -1;
    let any = false;
    for (let k = 0, t = grid.firstMs; k < steps; k++, t += grid.stepMs) {
      while (j + 1 < list.length && Math.max(list[j + 1][1], minTs) <= t) j++;
      if (j < 0) continue;
      const [, , lastTs, up] = list[j];
      if (lastTs < minTs) continue;
      const latest = Math.min(t, lastTs);
      if (latest <= t - lookbackMs) continue;
      if (t > lastTs && row.stoppedAt !== null && lastTs === row.maxTs && row.stoppedAt <= t) continue;
      values[k] = up;
      present[k] = 1;
      any = true;
    }
    if (any) out.push({ labels, values, present });
  }
  return { series: out, steps };
}
