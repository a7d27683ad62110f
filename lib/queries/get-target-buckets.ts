import type { Db } from '@/lib/db/connection';
import { PROBE_RESOLUTIONS } from '@/lib/engine/rollup-buffer';
import { bucketStarts } from '@/lib/stats/window-plan';
import { toIso } from '@/lib/time/iso';

/** A status bar wants tens of bars, not hundreds: the width giving at most 120 buckets. */
function barResolution(from: number, to: number): number {
  return PROBE_RESOLUTIONS.find((r) => (to - from) / r <= 120) ?? PROBE_RESOLUTIONS[PROBE_RESOLUTIONS.length - 1];
}

/** Checks and up checks per bucket over the range, for the status bar. */
export function getTargetBuckets(db: Db, targetId: number, from: number, to: number) {
  const res = barResolution(from, to);
  const rows = db
    .prepare('SELECT ts, checks, up FROM probe_rollups WHERE target_id = ? AND res = ? AND ts >= ? AND ts < ?')
    .all(targetId, res, Math.floor(from / res) * res, to) as { ts: number; checks: number; up: number }[];
  const byTs = new Map(rows.map((r) => [r.ts, r]));
  return {
    step_ms: res,
    data: bucketStarts(from, to, res).map((ts) => {
      const r = byTs.get(ts);
      return {
        ts: toIso(ts),
        checks: r?.checks ?? 0,
        up: r?.up ?? 0,
        uptime: r && r.checks > 0 ? Math.round((r.up / r.checks) * 1e4) / 100 : null,
      };
    }),
  };
}
