import type { Db } from '@/lib/db/connection';
import { LOG_RESOLUTIONS } from '@/lib/ingest/log-rollups';
import { planWindow } from '@/lib/stats/window-plan';

export interface CostFilters {
  source?: string;
  provider?: string;
  model?: string;
  client?: string;
}

export interface CostAgg {
  requests: number;
  priced: number;
  unknown: number;
  inputOnly: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

const STEP = LOG_RESOLUTIONS[0];

export function emptyCost(): CostAgg {
  return { requests: 0, priced: 0, unknown: 0, inputOnly: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
}

export function addCost(into: CostAgg, a: CostAgg): void {
  into.requests += a.requests;
  into.priced += a.priced;
  into.unknown += a.unknown;
  into.inputOnly += a.inputOnly;
  into.inputTokens += a.inputTokens;
  into.outputTokens += a.outputTokens;
  into.costUsd += a.costUsd;
}

/** The filters as ` AND …` conditions on `llm_cost_rollups` with named parameters. */
export function costFilterSql(f: CostFilters): { where: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.source !== undefined) {
    parts.push('source_id = (SELECT id FROM log_sources WHERE name = @source)');
    params.source = f.source;
  }
  for (const key of ['provider', 'model', 'client'] as const) {
    if (f[key] === undefined) continue;
    parts.push(`${key} = @${key}`);
    params[key] = f[key];
  }
  return { where: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * Cost rollups over [from, to) to the 10 s bucket (the window is widened to whole buckets), grouped by a SQL
 * expression over `llm_cost_rollups`: whole days from the day rows, the edges from finer ones.
 */
export function costAgg(db: Db, from: number, to: number, groupSql: string, f: CostFilters = {}): Map<string, CostAgg> {
  const { where, params } = costFilterSql(f);
  const stmt = db.prepare(
    `SELECT ${groupSql} k, SUM(requests) requests, SUM(priced) priced, SUM(unknown) unknown, SUM(input_only) inputOnly,
       SUM(input_tokens) inputTokens, SUM(output_tokens) outputTokens, SUM(cost_usd) costUsd
     FROM llm_cost_rollups WHERE res = @res AND ts >= @from AND ts < @to${where} GROUP BY k`,
  );
  const out = new Map<string, CostAgg>();
  const lo = Math.floor(from / STEP) * STEP;
  const hi = Math.ceil(to / STEP) * STEP;
  for (const seg of planWindow(lo, hi, LOG_RESOLUTIONS)) {
    for (const r of stmt.all({ ...params, res: seg.res, from: seg.from, to: seg.to }) as (CostAgg & { k: string })[]) {
      let a = out.get(String(r.k));
      if (!a) out.set(String(r.k), (a = emptyCost()));
      addCost(a, r);
    }
  }
  return out;
}

/** The shape every cost row of the API takes; cost is null when no request of the row had a price. */
export function shapeCost(a: CostAgg) {
  return {
    requests: a.requests,
    input_tokens: a.inputTokens,
    output_tokens: a.outputTokens,
    cost_usd: a.priced === 0 ? null : Math.round(a.costUsd * 1e6) / 1e6,
    unknown_requests: a.unknown,
    input_only_requests: a.inputOnly,
  };
}
