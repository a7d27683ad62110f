import type { SloWindow } from './slo-schema';

const MINUTE = 60_000;
const DAY = 86_400_000;
const ROLLING: Record<Exclude<SloWindow, 'calendar_month'>, number> = {
  '7d': 7 * DAY,
  '28d': 28 * DAY,
  '30d': 30 * DAY,
};

/**
 * The span an SLO counts at `now`: a rolling window starts on a whole minute (so its old edge is read from
 * rollups even past raw retention); a calendar month starts at 00:00 UTC on the 1st. `lengthMs` is the
 * whole window's length, which the budget in minutes is a share of.
 */
export function windowRange(window: SloWindow, now: number): { from: number; to: number; lengthMs: number } {
  if (window === 'calendar_month') {
    const d = new Date(now);
    const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return { from, to: now, lengthMs: next - from };
  }
  const lengthMs = ROLLING[window];
  return { from: Math.floor((now - lengthMs) / MINUTE) * MINUTE, to: now, lengthMs };
}
