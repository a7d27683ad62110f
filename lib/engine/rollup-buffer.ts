import type { Db } from '@/lib/db/connection';
import { addValue, type Histogram, histogramFromJson, histogramToJson, mergeInto } from '@/lib/stats/histogram';

export const PROBE_RESOLUTIONS = [60_000, 3_600_000, 86_400_000] as const;

interface Bucket {
  targetId: number;
  res: number;
  ts: number;
  checks: number;
  up: number;
  maintChecks: number;
  maintUp: number;
  latencyCount: number;
  latencySum: number;
  latencyMin: number | null;
  latencyMax: number | null;
  hist: Histogram;
}

/** Accumulates a batch of checks into 1m/1h/1d buckets, then merges them into probe_rollups in one pass. */
export class RollupBuffer {
  private buckets = new Map<string, Bucket>();

  add(targetId: number, ts: number, up: boolean, latencyMs: number | null, maintenance = false): void {
    for (const res of PROBE_RESOLUTIONS) {
      const start = ts - (ts % res);
      const key = `${targetId}:${res}:${start}`;
      let b = this.buckets.get(key);
      if (!b) {
        b = {
          targetId,
          res,
          ts: start,
          checks: 0,
          up: 0,
          maintChecks: 0,
          maintUp: 0,
          latencyCount: 0,
          latencySum: 0,
          latencyMin: null,
          latencyMax: null,
          hist: new Map(),
        };
        this.buckets.set(key, b);
      }
      b.checks++;
      if (up) b.up++;
      if (maintenance) {
        b.maintChecks++;
        if (up) b.maintUp++;
      }
      if (latencyMs !== null) {
        b.latencyCount++;
        b.latencySum += latencyMs;
        b.latencyMin = b.latencyMin === null ? latencyMs : Math.min(b.latencyMin, latencyMs);
        b.latencyMax = b.latencyMax === null ? latencyMs : Math.max(b.latencyMax, latencyMs);
        addValue(b.hist, latencyMs);
      }
    }
  }

  /** Must run inside the caller's transaction. */
  flush(db: Db): void {
    const select = db.prepare('SELECT hist FROM probe_rollups WHERE target_id = ? AND res = ? AND ts = ?').pluck();
    const upsert = db.prepare(
      `INSERT INTO probe_rollups (target_id, res, ts, checks, up, maint_checks, maint_up, latency_count, latency_sum, latency_min, latency_max, hist)
       VALUES (@targetId, @res, @ts, @checks, @up, @maintChecks, @maintUp, @latencyCount, @latencySum, @latencyMin, @latencyMax, @hist)
       ON CONFLICT (target_id, res, ts) DO UPDATE SET
         checks = checks + excluded.checks,
         up = up + excluded.up,
         maint_checks = maint_checks + excluded.maint_checks,
         maint_up = maint_up + excluded.maint_up,
         latency_count = latency_count + excluded.latency_count,
         latency_sum = latency_sum + excluded.latency_sum,
         latency_min = min(coalesce(latency_min, excluded.latency_min), coalesce(excluded.latency_min, latency_min)),
         latency_max = max(coalesce(latency_max, excluded.latency_max), coalesce(excluded.latency_max, latency_max)),
         hist = excluded.hist`,
    );
    for (const b of this.buckets.values()) {
      const existing = select.get(b.targetId, b.res, b.ts) as string | undefined;
      const hist = histogramFromJson(existing);
      mergeInto(hist, b.hist);
      upsert.run({ ...b, hist: histogramToJson(hist) });
    }
    this.buckets.clear();
  }
}
