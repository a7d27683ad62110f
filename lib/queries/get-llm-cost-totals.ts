import type { Db } from '@/lib/db/connection';
import { budgetLabels } from '@/lib/llm/budget-period';
import { readBudgets } from '@/lib/llm/budget-store';
import type { MetricSample } from '@/lib/system/types';
import { getBudgetStatus } from './get-budget-status';

const HOUR = 3_600_000;

/**
 * `llm_cost_usd_total` for /metrics (hourly rollups since the hour Lookout started, as get-log-totals.ts counts
 * the other log counters) and each budget's limit, spend and forecast now.
 */
export function getLlmCostTotals(db: Db, sinceMs: number, now: number, instance?: string): MetricSample[] {
  const rows = db
    .prepare(
      `SELECT s.name job, r.provider, r.model, r.client, SUM(r.cost_usd) cost
       FROM llm_cost_rollups r JOIN log_sources s ON s.id = r.source_id WHERE r.res = ${HOUR} AND r.ts >= ?
       GROUP BY s.name, r.provider, r.model, r.client`,
    )
    .all(Math.floor(sinceMs / HOUR) * HOUR) as {
    job: string;
    provider: string;
    model: string;
    client: string;
    cost: number;
  }[];
  const withInstance = (l: Record<string, string>) => (instance === undefined ? l : { ...l, instance });
  const out: MetricSample[] = rows.map((r) => ({
    name: 'llm_cost_usd_total',
    labels: withInstance({ job: r.job, provider: r.provider, model: r.model, client: r.client }),
    value: r.cost,
  }));
  for (const b of readBudgets(db)) {
    const s = getBudgetStatus(db, b, now);
    const labels = withInstance(budgetLabels(b));
    out.push(
      { name: 'llm_budget_limit_usd', labels, value: b.limit_usd },
      { name: 'llm_budget_spent_usd', labels, value: s.spent_usd },
      { name: 'llm_budget_forecast_usd', labels, value: s.forecast_usd },
    );
  }
  return out;
}
