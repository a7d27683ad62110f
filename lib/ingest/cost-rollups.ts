import { BulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/connection';
import { costOf } from '@/lib/llm/cost';
import { PriceBook, type PriceRow } from '@/lib/llm/price-book';
import { LOG_RESOLUTIONS } from './log-rollups';
import type { RequestFacts } from './record';

interface CostBucket {
  res: number;
  ts: number;
  sourceId: number;
  provider: string;
  model: string;
  client: string;
  user: string;
  requests: number;
  priced: number;
  unknown: number;
  inputOnly: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

const HOUR = 3_600_000;
const floorTo = (ts: number, res: number) => ts - (((ts % res) + res) % res);

/**
 * One batch's LLM requests priced and summed per provider, model, client and user at every rollup width.
 * Only answered requests (status below 400, or none logged) are charged: providers bill no refused call.
 */
export class CostRollupBuffer {
  private readonly buckets = new Map<string, CostBucket>();
  readonly rejects = new Map<string, { sourceId: number; reason: string; count: number; lastTs: number }>();
  /** Per-hour priced models and the hours they served in, with the first request's bucket key per hour. */
  readonly hours = new Map<
    string,
    {
      provider: string;
      model: string;
      hour: number;
      perHour: number;
      at: number;
      sourceId: number;
      client: string;
      user: string;
    }
  >();

  constructor(private readonly prices: PriceBook) {}

  add(sourceId: number, q: RequestFacts): void {
    if (q.inputTokens === null && q.outputTokens === null && !q.tokenIssue) return;
    if (q.status !== null && q.status >= 400) return;
    const provider = q.provider ?? '';
    const model = q.model ?? '';
    const client = q.client ?? '';
    const user = q.user ?? '';
    const price = this.prices.lookup(q.provider, q.model);
    const outcome = q.tokenIssue
      ? ({ kind: 'rejected', reason: q.tokenIssue } as const)
      : costOf(price, { inputTokens: q.inputTokens, outputTokens: q.outputTokens });
    if (outcome.kind === 'none') return;
    if (outcome.kind === 'rejected') {
      const key = `${sourceId}\0${outcome.reason}`;
      const r = this.rejects.get(key) ?? { sourceId, reason: outcome.reason, count: 0, lastTs: q.ts };
      r.count++;
      r.lastTs = Math.max(r.lastTs, q.ts);
      this.rejects.set(key, r);
      return;
    }
    if (outcome.kind === 'priced' && price?.per_hour) {
      const hour = floorTo(q.ts, HOUR);
      const key = `${provider}\0${model}\0${hour}`;
      if (!this.hours.has(key))
        this.hours.set(key, { provider, model, hour, perHour: price.per_hour, at: q.ts, sourceId, client, user });
    }
    for (const res of LOG_RESOLUTIONS) {
      const b = this.bucket(res, floorTo(q.ts, res), sourceId, provider, model, client, user);
      b.requests++;
      b.inputTokens += q.inputTokens ?? 0;
      b.outputTokens += q.outputTokens ?? 0;
      if (outcome.kind === 'unknown') b.unknown++;
      else {
        b.priced++;
        b.costUsd += outcome.usd;
        if (outcome.inputOnly) b.inputOnly++;
      }
    }
  }

  /** Adds an hour's charge of a per-hour priced model to the buckets of the request that opened it. */
  chargeHour(h: {
    at: number;
    sourceId: number;
    provider: string;
    model: string;
    client: string;
    user: string;
    perHour: number;
  }): void {
    for (const res of LOG_RESOLUTIONS)
      this.bucket(res, floorTo(h.at, res), h.sourceId, h.provider, h.model, h.client, h.user).costUsd += h.perHour;
  }

  private bucket(
    res: number,
    ts: number,
    sourceId: number,
    provider: string,
    model: string,
    client: string,
    user: string,
  ): CostBucket {
    const key = `${res}|${ts}|${sourceId}|${provider}|${model}|${client}|${user}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = {
        res,
        ts,
        sourceId,
        provider,
        model,
        client,
        user,
        requests: 0,
        priced: 0,
        unknown: 0,
        inputOnly: 0,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
      };
      this.buckets.set(key, b);
    }
    return b;
  }

  values(): IterableIterator<CostBucket> {
    return this.buckets.values();
  }
}

/**
 * The writer's side: a price book reloaded when `meta.llm_prices_rev` moves, and the upserts of a batch's
 * cost buckets, refused counts and per-hour charges inside the caller's transaction.
 */
export function createCostRollupWriter(db: Db): {
  buffer: () => CostRollupBuffer;
  write: (b: CostRollupBuffer) => void;
} {
  const rev = db.prepare(`SELECT value FROM meta WHERE key = 'llm_prices_rev'`).pluck();
  const overrides = db.prepare(
    'SELECT provider, model, input, output, cached_input, per_request, per_hour FROM llm_prices',
  );
  let seen: unknown = null;
  let book = new PriceBook();
  const insert = new BulkInsert(
    db,
    'INSERT INTO llm_cost_rollups (res, ts, source_id, provider, model, client, user, requests, priced, unknown, input_only, input_tokens, output_tokens, cost_usd)',
    14,
    `ON CONFLICT (res, ts, source_id, provider, model, client, user) DO UPDATE SET
       requests = requests + excluded.requests, priced = priced + excluded.priced, unknown = unknown + excluded.unknown,
       input_only = input_only + excluded.input_only, input_tokens = input_tokens + excluded.input_tokens,
       output_tokens = output_tokens + excluded.output_tokens, cost_usd = cost_usd + excluded.cost_usd`,
  );
  const reject = db.prepare(
    `INSERT INTO llm_token_rejects (source_id, reason, count, last_ts) VALUES (?, ?, ?, ?)
     ON CONFLICT (source_id, reason) DO UPDATE SET count = count + excluded.count, last_ts = max(last_ts, excluded.last_ts)`,
  );
  const hour = db.prepare('INSERT OR IGNORE INTO llm_hour_charges (provider, model, hour) VALUES (?, ?, ?)');
  return {
    buffer: () => {
      const now = rev.get();
      if (now !== seen) {
        seen = now;
        book = new PriceBook(overrides.all() as PriceRow[]);
      }
      return new CostRollupBuffer(book);
    },
    write: (b) => {
      for (const h of b.hours.values()) if (hour.run(h.provider, h.model, h.hour).changes > 0) b.chargeHour(h);
      insert.reset();
      for (const c of b.values())
        insert.push(
          c.res,
          c.ts,
          c.sourceId,
          c.provider,
          c.model,
          c.client,
          c.user,
          c.requests,
          c.priced,
          c.unknown,
          c.inputOnly,
          c.inputTokens,
          c.outputTokens,
          c.costUsd,
        );
      insert.flush();
      for (const r of b.rejects.values()) reject.run(r.sourceId, r.reason, r.count, r.lastTs);
    },
  };
}
