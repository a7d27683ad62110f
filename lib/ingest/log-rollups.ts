import type { Db } from '@/lib/db/connection';
import { addValue, histogramFromJson, histogramToJson, mergeInto, type Histogram } from '@/lib/stats/histogram';
import type { RequestFacts } from './record';

export const LOG_RESOLUTIONS = [10_000, 60_000, 3_600_000, 86_400_000] as const;

interface RequestBucket {
  res: number;
  ts: number;
  sourceId: number;
  provider: string;
  model: string;
  status: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  rateLimited: number;
  latencyCount: number;
  latencySum: number;
  hist: Histogram;
}

/** Accumulates one batch's requests and line levels per bucket, then merges them into the rollup tables. */
export class LogRollupBuffer {
  private requests = new Map<string, RequestBucket>();
  private levels = new Map<string, { res: number; ts: number; sourceId: number; level: string; lines: number }>();

  addLine(sourceId: number, lineTs: number, lineLevel: string | null): void {
    for (const res of LOG_RESOLUTIONS) {
      const ts = lineTs - (((lineTs % res) + res) % res);
      const level = lineLevel ?? '';
      const lk = `${res}|${ts}|${sourceId}|${level}`;
      const lb = this.levels.get(lk);
      if (lb) lb.lines++;
      else this.levels.set(lk, { res, ts, sourceId, level, lines: 1 });
    }
  }

  addRequest(sourceId: number, q: RequestFacts): void {
    for (const res of LOG_RESOLUTIONS) {
      const ts = q.ts - (((q.ts % res) + res) % res);
      const provider = q.provider ?? '';
      const model = q.model ?? '';
      const status = q.status ?? 0;
      const key = `${res}|${ts}|${sourceId}|${provider}|${model}|${status}`;
      let b = this.requests.get(key);
      if (!b) {
        b = { res, ts, sourceId, provider, model, status, requests: 0, inputTokens: 0, outputTokens: 0, rateLimited: 0, latencyCount: 0, latencySum: 0, hist: new Map() };
        this.requests.set(key, b);
      }
      b.requests++;
      b.inputTokens += q.inputTokens ?? 0;
      b.outputTokens += q.outputTokens ?? 0;
      if (q.rateLimited || status === 429) b.rateLimited++;
      if (q.durationMs !== null && Number.isFinite(q.durationMs)) {
        b.latencyCount++;
        b.latencySum += q.durationMs;
        addValue(b.hist, q.durationMs);
      }
    }
  }

  /** Must run inside the caller's transaction. */
  flush(db: Db): void {
    const select = db
      .prepare('SELECT hist FROM log_rollups WHERE res = ? AND ts = ? AND source_id = ? AND provider = ? AND model = ? AND status = ?')
      .pluck();
    const upsert = db.prepare(
      `INSERT INTO log_rollups (res, ts, source_id, provider, model, status, requests, input_tokens, output_tokens, rate_limited, latency_count, latency_sum, hist)
       VALUES (@res, @ts, @sourceId, @provider, @model, @status, @requests, @inputTokens, @outputTokens, @rateLimited, @latencyCount, @latencySum, @hist)
       ON CONFLICT (res, ts, source_id, provider, model, status) DO UPDATE SET
         requests = requests + excluded.requests, input_tokens = input_tokens + excluded.input_tokens,
         output_tokens = output_tokens + excluded.output_tokens, rate_limited = rate_limited + excluded.rate_limited,
         latency_count = latency_count + excluded.latency_count, latency_sum = latency_sum + excluded.latency_sum, hist = excluded.hist`,
    );
    for (const b of this.requests.values()) {
      const hist = histogramFromJson(select.get(b.res, b.ts, b.sourceId, b.provider, b.model, b.status) as string | undefined);
      mergeInto(hist, b.hist);
      upsert.run({ ...b, hist: histogramToJson(hist) });
    }
    const levels = db.prepare(
      `INSERT INTO log_level_rollups (res, ts, source_id, level, lines) VALUES (@res, @ts, @sourceId, @level, @lines)
       ON CONFLICT (res, ts, source_id, level) DO UPDATE SET lines = lines + excluded.lines`,
    );
    for (const l of this.levels.values()) levels.run(l);
    this.requests.clear();
    this.levels.clear();
  }
}
