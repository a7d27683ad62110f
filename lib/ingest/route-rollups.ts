import { BulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/connection';
import { addValue, type Histogram, histogramToJson } from '@/lib/stats/histogram';
import { LOG_RESOLUTIONS } from './log-rollups';
import type { RequestFacts } from './record';

interface RouteBucket {
  res: number;
  ts: number;
  sourceId: number;
  provider: string;
  model: string;
  method: string;
  route: string;
  requests: number;
  errors: number;
  clientErrors: number;
  latencyCount: number;
  latencySum: number;
  hist: Histogram;
}

const floorTo = (ts: number, res: number) => ts - (((ts % res) + res) % res);

/** One batch's requests per route and method, at every rollup width (requests without a path have no route). */
export class RouteRollupBuffer {
  private readonly buckets = new Map<string, RouteBucket>();

  add(sourceId: number, q: RequestFacts): void {
    if (!q.route) return;
    const method = q.method ?? '';
    const provider = q.provider ?? '';
    const model = q.model ?? '';
    const status = q.status ?? 0;
    for (const res of LOG_RESOLUTIONS) {
      const ts = floorTo(q.ts, res);
      const key = `${res}|${ts}|${sourceId}|${provider}|${model}|${method}|${q.route}`;
      let b = this.buckets.get(key);
      if (!b) {
        b = {
          res,
          ts,
          sourceId,
          provider,
          model,
          method,
          route: q.route,
          requests: 0,
          errors: 0,
          clientErrors: 0,
          latencyCount: 0,
          latencySum: 0,
          hist: new Map(),
        };
        this.buckets.set(key, b);
      }
      b.requests++;
      if (status === 0 || status >= 500) b.errors++;
      else if (status >= 400) b.clientErrors++;
      if (q.durationMs !== null && Number.isFinite(q.durationMs)) {
        b.latencyCount++;
        b.latencySum += q.durationMs;
        addValue(b.hist, q.durationMs);
      }
    }
  }

  get size(): number {
    return this.buckets.size;
  }

  values(): IterableIterator<RouteBucket> {
    return this.buckets.values();
  }
}

/** Adds a batch's route buckets to the stored ones inside the caller's transaction (histograms merged in SQL). */
export function createRouteRollupWriter(db: Db): (buffer: RouteRollupBuffer) => void {
  const insert = new BulkInsert(
    db,
    'INSERT INTO log_route_rollups (res, ts, source_id, provider, model, method, route, requests, errors, client_errors, latency_count, latency_sum, hist)',
    13,
    `ON CONFLICT (res, ts, source_id, provider, model, method, route) DO UPDATE SET
       requests = requests + excluded.requests, errors = errors + excluded.errors,
       client_errors = client_errors + excluded.client_errors, latency_count = latency_count + excluded.latency_count,
       latency_sum = latency_sum + excluded.latency_sum, hist = lookout_hist_merge(hist, excluded.hist)`,
  );
  return (buffer) => {
    if (buffer.size === 0) return;
    for (const b of buffer.values()) {
      insert.push(
        b.res,
        b.ts,
        b.sourceId,
        b.provider,
        b.model,
        b.method,
        b.route,
        b.requests,
        b.errors,
        b.clientErrors,
        b.latencyCount,
        b.latencySum,
        histogramToJson(b.hist),
      );
    }
    insert.flush();
  };
}
