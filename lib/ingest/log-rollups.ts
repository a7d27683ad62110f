import type { Db } from '@/lib/db/connection';
import { addValue, histogramFromJson, histogramToJson, mergeInto, type Histogram } from '@/lib/stats/histogram';
import type { RequestFacts } from './record';

export const LOG_RESOLUTIONS = [10_000, 60_000, 3_600_000, 86_400_000] as const;
const FINEST = LOG_RESOLUTIONS[0];

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

interface LevelBucket {
  res: number;
  ts: number;
  sourceId: number;
  level: string;
  lines: number;
}

const floorTo = (ts: number, res: number) => ts - (((ts % res) + res) % res);

/**
 * Accumulates one batch's requests and line levels in 10 s buckets, then derives the coarser widths
 * from those at flush, so each line costs one map update instead of four.
 */
export class LogRollupBuffer {
  private requests = new Map<string, RequestBucket>();
  private levels = new Map<string, LevelBucket>();

  addLine(sourceId: number, lineTs: number, lineLevel: string | null): void {
    const ts = floorTo(lineTs, FINEST);
    const level = lineLevel ?? '';
    const key = `${ts}|${sourceId}|${level}`;
    const b = this.levels.get(key);
    if (b) b.lines++;
    else this.levels.set(key, { res: FINEST, ts, sourceId, level, lines: 1 });
  }

  addRequest(sourceId: number, q: RequestFacts): void {
    const ts = floorTo(q.ts, FINEST);
    const provider = q.provider ?? '';
    const model = q.model ?? '';
    const status = q.status ?? 0;
    const key = `${ts}|${sourceId}|${provider}|${model}|${status}`;
    let b = this.requests.get(key);
    if (!b) {
      b = { res: FINEST, ts, sourceId, provider, model, status, requests: 0, inputTokens: 0, outputTokens: 0, rateLimited: 0, latencyCount: 0, latencySum: 0, hist: new Map() };
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

  /** Must run inside the caller's transaction. */
  flush(db: Db): void {
    this.flushRequests(db);
    this.flushLevels(db);
  }

  private flushRequests(db: Db): void {
    const all: RequestBucket[] = [...this.requests.values()];
    for (const res of LOG_RESOLUTIONS.slice(1)) {
      const coarse = new Map<string, RequestBucket>();
      for (const b of this.requests.values()) {
        const ts = floorTo(b.ts, res);
        const key = `${ts}|${b.sourceId}|${b.provider}|${b.model}|${b.status}`;
        const c = coarse.get(key);
        if (!c) {
          coarse.set(key, { ...b, res, ts, hist: new Map(b.hist) });
          continue;
        }
        c.requests += b.requests;
        c.inputTokens += b.inputTokens;
        c.outputTokens += b.outputTokens;
        c.rateLimited += b.rateLimited;
        c.latencyCount += b.latencyCount;
        c.latencySum += b.latencySum;
        mergeInto(c.hist, b.hist);
      }
      all.push(...coarse.values());
    }
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
    for (const b of all) {
      const hist = histogramFromJson(select.get(b.res, b.ts, b.sourceId, b.provider, b.model, b.status) as string | undefined);
      mergeInto(hist, b.hist);
      upsert.run({ ...b, hist: histogramToJson(hist) });
    }
    this.requests.clear();
  }

  private flushLevels(db: Db): void {
    const all = new Map<string, LevelBucket>();
    for (const b of this.levels.values()) {
      for (const res of LOG_RESOLUTIONS) {
        const ts = floorTo(b.ts, res);
        const key = `${res}|${ts}|${b.sourceId}|${b.level}`;
        const c = all.get(key);
        if (c) c.lines += b.lines;
        else all.set(key, { ...b, res, ts });
      }
    }
    const upsert = db.prepare(
      `INSERT INTO log_level_rollups (res, ts, source_id, level, lines) VALUES (@res, @ts, @sourceId, @level, @lines)
       ON CONFLICT (res, ts, source_id, level) DO UPDATE SET lines = lines + excluded.lines`,
    );
    for (const l of all.values()) upsert.run(l);
    this.levels.clear();
  }
}
