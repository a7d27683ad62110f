import { BulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/connection';
import { addValue, type Histogram, histogramFromJson, histogramToJson, mergeInto } from '@/lib/stats/histogram';
import { LE_SECONDS, leCounts } from '@/lib/stats/le-counts';
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

interface LineBucket {
  res: number;
  ts: number;
  sourceId: number;
  level: string;
  provider: string;
  status: number;
  lines: number;
}

const floorTo = (ts: number, res: number) => ts - (((ts % res) + res) % res);

/**
 * Accumulates one batch's requests and line levels in 10 s buckets, then derives the coarser widths
 * from those, so each line costs one map update instead of four.
 */
export class LogRollupBuffer {
  private requests = new Map<string, RequestBucket>();
  private lines = new Map<string, LineBucket>();
  // Lines come in time order and mostly alike: the previous line's bucket is usually this one's, found
  // without building a key.
  private lastLine: LineBucket | null = null;
  private lastRequest: RequestBucket | null = null;

  addLine(
    sourceId: number,
    line: { ts: number; level: string | null; provider: string | null; status: number | null },
  ): void {
    const ts = floorTo(line.ts, FINEST);
    const level = line.level ?? '';
    const provider = line.provider ?? '';
    const status = line.status ?? 0;
    let b = this.lastLine;
    if (
      b === null ||
      b.ts !== ts ||
      b.sourceId !== sourceId ||
      b.level !== level ||
      b.provider !== provider ||
      b.status !== status
    ) {
      const key = `${ts}|${sourceId}|${level}|${provider}|${status}`;
      b = this.lines.get(key) ?? null;
      if (b === null) this.lines.set(key, (b = { res: FINEST, ts, sourceId, level, provider, status, lines: 0 }));
      this.lastLine = b;
    }
    b.lines++;
  }

  addRequest(sourceId: number, q: RequestFacts): void {
    const ts = floorTo(q.ts, FINEST);
    const provider = q.provider ?? '';
    const model = q.model ?? '';
    const status = q.status ?? 0;
    let b = this.lastRequest;
    if (
      b === null ||
      b.ts !== ts ||
      b.sourceId !== sourceId ||
      b.provider !== provider ||
      b.model !== model ||
      b.status !== status
    ) {
      const key = `${ts}|${sourceId}|${provider}|${model}|${status}`;
      b = this.requests.get(key) ?? null;
      if (b === null) {
        b = {
          res: FINEST,
          ts,
          sourceId,
          provider,
          model,
          status,
          requests: 0,
          inputTokens: 0,
          outputTokens: 0,
          rateLimited: 0,
          latencyCount: 0,
          latencySum: 0,
          hist: new Map(),
        };
        this.requests.set(key, b);
      }
      this.lastRequest = b;
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

  /** Every width's request buckets: the 10 s ones as collected, the coarser ones summed from them. */
  requestBuckets(): RequestBucket[] {
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
    return all;
  }

  /** Every width's line counts per level, provider and status. */
  lineBuckets(): LineBucket[] {
    const all = new Map<string, LineBucket>();
    for (const b of this.lines.values()) {
      for (const res of LOG_RESOLUTIONS) {
        const ts = floorTo(b.ts, res);
        const key = `${res}|${ts}|${b.sourceId}|${b.level}|${b.provider}|${b.status}`;
        const c = all.get(key);
        if (c) c.lines += b.lines;
        else all.set(key, { ...b, res, ts });
      }
    }
    return [...all.values()];
  }
}

// Migration 103: the histogram's observations per `le` bound, summed by range queries without parsing `hist`.
const LE_COLUMNS = LE_SECONDS.map((_, k) => `le_${k}`).join(', ');

/**
 * Adds a batch's buckets to the stored rollups, inside the caller's transaction. The stored and the
 * new latency histograms are merged by SQLite calling back into JS during the upsert, which saves
 * reading each row first.
 */
export function createRollupWriter(db: Db): (buffer: LogRollupBuffer) => void {
  db.function('lookout_hist_merge', { deterministic: true }, (stored: unknown, added: unknown) => {
    const h = histogramFromJson(stored as string);
    mergeInto(h, histogramFromJson(added as string));
    return histogramToJson(h);
  });
  const requests = new BulkInsert(
    db,
    `INSERT INTO log_rollups (res, ts, source_id, provider, model, status, requests, input_tokens, output_tokens, rate_limited, latency_count, latency_sum, hist, ${LE_COLUMNS})`,
    13 + LE_SECONDS.length,
    `ON CONFLICT (res, ts, source_id, provider, model, status) DO UPDATE SET
       requests = requests + excluded.requests, input_tokens = input_tokens + excluded.input_tokens,
       output_tokens = output_tokens + excluded.output_tokens, rate_limited = rate_limited + excluded.rate_limited,
       latency_count = latency_count + excluded.latency_count, latency_sum = latency_sum + excluded.latency_sum,
       hist = lookout_hist_merge(hist, excluded.hist), ${LE_SECONDS.map((_, k) => `le_${k} = le_${k} + excluded.le_${k}`).join(', ')}`,
  );
  const lines = new BulkInsert(
    db,
    'INSERT INTO log_line_rollups (res, ts, source_id, level, provider, status, lines)',
    7,
    'ON CONFLICT (res, ts, source_id, level, provider, status) DO UPDATE SET lines = lines + excluded.lines',
  );
  return (buffer) => {
    for (const b of buffer.requestBuckets()) {
      requests.push(
        b.res,
        b.ts,
        b.sourceId,
        b.provider,
        b.model,
        b.status,
        b.requests,
        b.inputTokens,
        b.outputTokens,
        b.rateLimited,
        b.latencyCount,
        b.latencySum,
        histogramToJson(b.hist),
        ...leCounts(b.hist),
      );
    }
    requests.flush();
    for (const l of buffer.lineBuckets()) lines.push(l.res, l.ts, l.sourceId, l.level, l.provider, l.status, l.lines);
    lines.flush();
  };
}
