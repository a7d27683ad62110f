import type { Db } from '@/lib/db/connection';
import { FORECAST_RATE_WINDOW_MS, forecastOf, periodBounds } from '@/lib/llm/budget-period';
import type { Budget } from '@/lib/llm/budget-store';
import { costAgg } from './llm-cost-sql';

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** A budget with its spend so far this period, what remains, and the forecast to the period's end. */
export function getBudgetStatus(db: Db, b: Budget, now: number) {
  const { start, end } = periodBounds(b.period, now);
  const filters = { provider: b.provider ?? undefined, model: b.model ?? undefined, client: b.client ?? undefined };
  const spend = (from: number) => costAgg(db, from, now, "'all'", filters).get('all');
  const period = spend(start);
  const recentFrom = Math.max(start, now - FORECAST_RATE_WINDOW_MS);
  const recent = recentFrom === start ? period : spend(recentFrom);
  const spent = period?.costUsd ?? 0;
  const f = forecastOf(b.limit_usd, spent, { usd: recent?.costUsd ?? 0, ms: now - recentFrom }, now, end);
  return {
    ...b,
    period_start: new Date(start).toISOString(),
    period_end: new Date(end).toISOString(),
    spent_usd: round(spent),
    remaining_usd: round(f.remaining),
    forecast_usd: round(f.forecast),
    used_percent: round((spent / b.limit_usd) * 100),
    unknown_requests: period?.unknown ?? 0,
    state: f.state,
  };
}
