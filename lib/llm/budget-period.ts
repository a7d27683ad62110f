import { type BudgetPeriod, windowLabel } from './budget-schema';
import type { Budget } from './budget-store';

const DAY = 86_400_000;
/** The recent rate a forecast extends: the last hour, or the period so far when it is younger. */
export const FORECAST_RATE_WINDOW_MS = 3_600_000;

/** The UTC calendar period holding `now`: the day, the week from Monday, or the month. */
function periodBounds(period: BudgetPeriod, now: number): { start: number; end: number } {
  const d = new Date(now);
  if (period === 'day') {
    const start = Math.floor(now / DAY) * DAY;
    return { start, end: start + DAY };
  }
  if (period === 'week') {
    const day = Math.floor(now / DAY) * DAY;
    const start = day - ((d.getUTCDay() + 6) % 7) * DAY;
    return { start, end: start + 7 * DAY };
  }
  return {
    start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
    end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
  };
}

/** How far ahead a rolling budget's forecast looks: a quarter of its window (6 h for 24h, 42 h for 7d). */
export const ROLLING_HORIZON_SHARE = 0.25;

/**
 * What a budget counts at `now` and where its forecast points. A calendar budget counts [start of period, now)
 * and forecasts at the period's end. A rolling budget counts [now − window, now); its forecast is the spend of the
 * window that ends `horizon` from now: what of the current window is still in it, [now + horizon − window, now),
 * plus the recent rate over the horizon (docs/llm-cost.md#budgets).
 */
export interface BudgetSpan {
  start: number;
  end: number;
  forecastAt: number;
  /** Start of the spend that stays in the window at `forecastAt`. */
  keptFrom: number;
}

export function budgetSpan(b: Pick<Budget, 'period' | 'window_ms'>, now: number): BudgetSpan {
  if (b.window_ms !== null) {
    const horizon = Math.round(b.window_ms * ROLLING_HORIZON_SHARE);
    return { start: now - b.window_ms, end: now, forecastAt: now + horizon, keptFrom: now + horizon - b.window_ms };
  }
  const { start, end } = periodBounds(b.period ?? 'day', now);
  return { start, end, forecastAt: end, keptFrom: start };
}

/** The budget gauges' labels: `period` for a calendar budget; `window` and `horizon` (its forecast's) for a rolling one. */
export function budgetLabels(b: Pick<Budget, 'name' | 'period' | 'window_ms'>): Record<string, string> {
  if (b.window_ms === null) return { budget: b.name, period: b.period ?? 'day' };
  const horizon = windowLabel(Math.round(b.window_ms * ROLLING_HORIZON_SHARE));
  return { budget: b.name, window: windowLabel(b.window_ms), horizon };
}

export type BudgetState = 'ok' | 'forecast_exceeded' | 'exceeded';

/**
 * The spend that is still counted at the forecast instant (`kept`: all of it for a calendar period) plus the
 * recent rate carried there; the state a rule also derives.
 */
export function forecastOf(
  limit: number,
  spent: { now: number; kept: number },
  recent: { usd: number; ms: number },
  now: number,
  forecastAt: number,
): { forecast: number; remaining: number; state: BudgetState } {
  const rate = recent.ms > 0 ? recent.usd / recent.ms : 0;
  const forecast = spent.kept + rate * Math.max(0, forecastAt - now);
  const state: BudgetState = spent.now >= limit ? 'exceeded' : forecast > limit ? 'forecast_exceeded' : 'ok';
  return { forecast, remaining: Math.max(0, limit - spent.now), state };
}
