import type { Db } from '@/lib/db/connection';
import { budgetSpan, FORECAST_RATE_WINDOW_MS, forecastOf } from '@/lib/llm/budget-period';
import { windowLabel } from '@/lib/llm/budget-schema';
import type { Budget } from '@/lib/llm/budget-store';
import { firstSpendToday } from './first-spend-today';
import { costAgg } from './llm-cost-sql';

const round = (v: number) => Math.round(v * 1e4) / 1e4;
const iso = (ms: number) => new Date(ms).toISOString();
/** The shortest span a recent rate is taken over: one request just now is not a rate. */
const MIN_RATE_SPAN_MS = 600_000;

/**
 * A budget with its spend over its calendar period or rolling window, what remains, and the forecast: to the
 * period's end, or for a rolling window to the window ending a quarter-window from now (docs/llm-cost.md#budgets).
 */
export function getBudgetStatus(db: Db, b: Budget, now: number) {
  const span = budgetSpan(b, now);
  const filters = { provider: b.provider ?? undefined, model: b.model ?? undefined, client: b.client ?? undefined };
  const spend = (from: number) => costAgg(db, from, now, "'all'", filters).get('all');
  const counted = spend(span.start);
  const recentFrom = Math.max(span.start, now - FORECAST_RATE_WINDOW_MS);
  const recent = recentFrom === span.start ? counted : spend(recentFrom);
  // Spend younger than the rate's hour (a fresh Lookout, a new provider) has its rate over the time since it began.
  const began = firstSpendToday(db, now, filters);
  const rateFrom =
    began !== null && began > recentFrom ? Math.max(recentFrom, Math.min(began, now - MIN_RATE_SPAN_MS)) : recentFrom;
  const kept = span.keptFrom === span.start ? counted : spend(span.keptFrom);
  const spent = counted?.costUsd ?? 0;
  const f = forecastOf(
    b.limit_usd,
    { now: spent, kept: kept?.costUsd ?? 0 },
    { usd: recent?.costUsd ?? 0, ms: now - rateFrom },
    now,
    span.forecastAt,
  );
  return {
    ...b,
    kind: b.window_ms === null ? ('calendar' as const) : ('rolling' as const),
    window: b.window_ms === null ? null : windowLabel(b.window_ms),
    period_start: iso(span.start),
    period_end: iso(span.end),
    forecast_at: iso(span.forecastAt),
    spent_usd: round(spent),
    remaining_usd: round(f.remaining),
    forecast_usd: round(f.forecast),
    used_percent: round((spent / b.limit_usd) * 100),
    unknown_requests: counted?.unknown ?? 0,
    state: f.state,
  };
}
