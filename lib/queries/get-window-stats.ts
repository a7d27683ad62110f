import type { Db } from '@/lib/db/connection';
import { PROBE_RESOLUTIONS } from '@/lib/engine/rollup-buffer';
import { addValue, type Histogram, histogramFromJson, mergeInto } from '@/lib/stats/histogram';
import { planWindow } from '@/lib/stats/window-plan';

export interface WindowStats {
  checks: number;
  up: number;
  hist: Histogram;
}

/**
 * Checks, up checks and (with `withHist`) the latency histogram per target over [from, to), exact to
 * the millisecond. Merging histograms is the costly part, so callers ask for it only where they show latency.
 * Checks made in a maintenance window are left out unless `includeMaintenance` (docs/maintenance.md).
 */
export function getWindowStats(
  db: Db,
  from: number,
  to: number,
  targetId?: number,
  withHist = true,
  includeMaintenance = false,
): Map<number, WindowStats> {
  const keep = includeMaintenance ? 0 : 1;
  // Without a target the condition is left out entirely: a range over target_id would steer SQLite
  // to the primary key and a scan of every rollup instead of the (res, ts) index.
  const only = targetId === undefined ? '' : ' AND target_id = @target';
  const out = new Map<number, WindowStats>();
  const entry = (id: number) => {
    let s = out.get(id);
    if (!s) out.set(id, (s = { checks: 0, up: 0, hist: new Map() }));
    return s;
  };
  for (const seg of planWindow(from, to, PROBE_RESOLUTIONS)) {
    const p = { target: targetId ?? null, res: seg.res, from: seg.from, to: seg.to, keep };
    if (seg.res === 0) {
      const rows = db
        .prepare(
          `SELECT target_id id, up, status_code code, latency_ms ms, maintenance m FROM checks
           WHERE ts >= @from AND ts < @to${only}`,
        )
        .all(p) as { id: number; up: number; code: number | null; ms: number; m: number }[];
      for (const r of rows) {
        const s = entry(r.id);
        if (!(r.m && keep)) {
          s.checks++;
          s.up += r.up;
        }
        if (withHist && r.code !== null) addValue(s.hist, r.ms);
      }
      continue;
    }
    if (withHist) {
      // Merged in JS: json_each plus GROUP BY sorted every bucket of every rollup and was most of the time.
      const rows = db
        .prepare(
          `SELECT target_id id, checks - maint_checks * @keep checks, up - maint_up * @keep up, hist FROM probe_rollups
           WHERE res = @res AND ts >= @from AND ts < @to${only}`,
        )
        .all(p) as { id: number; checks: number; up: number; hist: string | null }[];
      for (const r of rows) {
        const s = entry(r.id);
        s.checks += r.checks;
        s.up += r.up;
        if (r.hist) mergeInto(s.hist, histogramFromJson(r.hist));
      }
      continue;
    }
    const counts = db
      .prepare(
        `SELECT target_id id, SUM(checks - maint_checks * @keep) checks, SUM(up - maint_up * @keep) up FROM probe_rollups
         WHERE res = @res AND ts >= @from AND ts < @to${only} GROUP BY target_id`,
      )
      .all(p) as { id: number; checks: number; up: number }[];
    for (const r of counts) {
      const s = entry(r.id);
      s.checks += r.checks;
      s.up += r.up;
    }
  }
  return out;
}

export function uptimePercent(s: WindowStats | undefined): number | null {
  if (!s || s.checks === 0) return null;
  return Math.round((s.up / s.checks) * 1e6) / 1e4;
}
