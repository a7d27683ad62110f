import type { BudgetPeriod } from './budget-schema';

const DAY = 86_400_000;
/** The recent rate a forecast extends: the last hour, or the period so far when it is younger. */
export const FORECAST_RATE_WINDOW_MS = 3_600_000;

/** The UTC calendar period holding `now`: the day, the week from Monday, or the month. */
export function periodBounds(period: BudgetPeriod, now: number): { start: number; end: number } {
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

export type BudgetState = 'ok' | 'forecast_exceeded' | 'exceeded';

/** Spend so far plus the recent rate carried to the end of the period; the state a rule also derives. */
export function forecastOf(
  limit: number,
  spent: number,
  recent: { usd: number; ms: number },
  now: number,
  end: number,
): { forecast: number; remaining: number; state: BudgetState } {
  const rate = recent.ms > 0 ? recent.usd / recent.ms : 0;
  const forecast = spent + rate * Math.max(0, end - now);
  const state: BudgetState = spent >= limit ? 'exceeded' : forecast > limit ? 'forecast_exceeded' : 'ok';
  return { forecast, remaining: Math.max(0, limit - spent), state };
}
