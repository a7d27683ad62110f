import type { Db } from '@/lib/db/connection';
import { PROBE_RESOLUTIONS } from '@/lib/engine/rollup-buffer';
import { histogramFromJson, quantile } from '@/lib/stats/histogram';
import { bucketStarts, chartResolution } from '@/lib/stats/window-plan';

type Point = [number, number | null];

/** p50 and p95 latency per rollup bucket over the range; gaps are null so charts show them. */
export function getTargetLatency(db: Db, targetId: number, from: number, to: number) {
  const res = chartResolution(from, to, PROBE_RESOLUTIONS);
  const rows = db
    .prepare('SELECT ts, hist FROM probe_rollups WHERE target_id = ? AND res = ? AND ts >= ? AND ts < ? ORDER BY ts')
    .all(targetId, res, Math.floor(from / res) * res, to) as { ts: number; hist: string }[];
  const byTs = new Map(rows.map((r) => [r.ts, histogramFromJson(r.hist)]));
  const p50: Point[] = [];
  const p95: Point[] = [];
  for (const ts of bucketStarts(from, to, res)) {
    const h = byTs.get(ts);
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    p50.push([ts, h ? round(quantile(h, 0.5)) : null]);
    p95.push([ts, h ? round(quantile(h, 0.95)) : null]);
  }
  return {
    step_ms: res,
    series: [
      { key: 'p50', points: p50 },
      { key: 'p95', points: p95 },
    ],
  };
}
