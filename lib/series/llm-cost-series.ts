import type { Db } from '@/lib/db/connection';
import { LOG_RESOLUTIONS } from '@/lib/ingest/log-rollups';
import { budgetLabels } from '@/lib/llm/budget-period';
import { readBudgets } from '@/lib/llm/budget-store';
import { getBudgetStatus } from '@/lib/queries/get-budget-status';
import { matchesAll } from '@/lib/rules/series-source';
import { exactLabel, type Matcher, type RawSeries } from './types';

const STEP = LOG_RESOLUTIONS[0];
export const LLM_COST_NAMES = /^(llm_cost_usd_total|llm_budget_(limit|spent|forecast)_usd)$/;

interface Row {
  ts: number;
  job: string;
  provider: string;
  model: string;
  client: string;
  cost: number;
}

/**
 * `llm_cost_usd_total{job,provider,model,client}` as a scrape would see it, for priced requests only (a model
 * without a price has no cost series rather than a flat 0 — docs/llm-cost.md): a cumulative sample every 10 s over
 * [start, end] from 0 before its first bucket (as log-series.ts delivers the other log counters).
 */
function costCounters(db: Db, matchers: Matcher[], start: number, end: number): RawSeries[] {
  const job = exactLabel(matchers, 'job');
  const rows = db
    .prepare(
      `SELECT r.ts, s.name job, r.provider, r.model, r.client, SUM(r.cost_usd) cost
       FROM llm_cost_rollups r JOIN log_sources s ON s.id = r.source_id
       WHERE r.res = ${STEP} AND r.priced > 0 AND r.ts >= ? AND r.ts <= ? ${job === undefined ? '' : 'AND s.name = ?'}
       GROUP BY r.ts, s.name, r.provider, r.model, r.client ORDER BY r.ts`,
    )
    .all(...[start - STEP, end, ...(job === undefined ? [] : [job])]) as Row[];
  const bySeries = new Map<string, { labels: Record<string, string>; rows: Row[] }>();
  for (const r of rows) {
    const key = `${r.job}\0${r.provider}\0${r.model}\0${r.client}`;
    let s = bySeries.get(key);
    if (!s) {
      const labels = {
        __name__: 'llm_cost_usd_total',
        job: r.job,
        provider: r.provider,
        model: r.model,
        client: r.client,
      };
      if (!matchesAll(matchers, labels)) continue;
      bySeries.set(key, (s = { labels, rows: [] }));
    }
    s.rows.push(r);
  }
  const out: RawSeries[] = [];
  for (const s of bySeries.values()) {
    const samples: [number, number][] = [];
    let total = 0;
    let j = 0;
    let t = Math.floor(start / STEP) * STEP;
    for (; t <= end; t += STEP) {
      while (j < s.rows.length && s.rows[j].ts <= t - STEP) total += s.rows[j++].cost;
      samples.push([t, total]);
    }
    if (t - STEP < end) {
      while (j < s.rows.length && s.rows[j].ts <= end) total += s.rows[j++].cost;
      samples.push([end, total]);
    }
    out.push({ labels: s.labels, samples });
  }
  return out;
}

/**
 * Each budget's limit, spend and forecast, as gauges sampled at `end` (rule evaluation): labelled `period` for a
 * calendar budget, `window` and `horizon` (where its forecast points) for a rolling one.
 */
function budgetGauges(db: Db, matchers: Matcher[], end: number): RawSeries[] {
  const out: RawSeries[] = [];
  for (const b of readBudgets(db)) {
    const s = getBudgetStatus(db, b, end);
    const base = budgetLabels(b);
    if (b.provider) base.provider = b.provider;
    if (b.model) base.model = b.model;
    if (b.client) base.client = b.client;
    for (const [name, v] of [
      ['llm_budget_limit_usd', b.limit_usd],
      ['llm_budget_spent_usd', s.spent_usd],
      ['llm_budget_forecast_usd', s.forecast_usd],
    ] as const) {
      const labels = { __name__: name, ...base };
      if (matchesAll(matchers, labels)) out.push({ labels, samples: [[end, v]] });
    }
  }
  return out;
}

export function llmCostSeries(db: Db, matchers: Matcher[], start: number, end: number): RawSeries[] {
  const name = exactLabel(matchers, '__name__');
  if (name !== undefined && !LLM_COST_NAMES.test(name)) return [];
  const out: RawSeries[] = [];
  if (name === undefined || name === 'llm_cost_usd_total') out.push(...costCounters(db, matchers, start, end));
  if (name === undefined || name.startsWith('llm_budget_')) out.push(...budgetGauges(db, matchers, end));
  return out;
}
