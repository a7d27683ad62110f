import type { Db } from '@/lib/db/connection';
import { PROBE_RESOLUTIONS } from '@/lib/engine/rollup-buffer';
import { LOG_RESOLUTIONS } from '@/lib/ingest/log-rollups';
import { getSloBurndown } from '@/lib/queries/get-slo-burndown';
import { getSloCounts } from '@/lib/queries/get-slo-counts';
import { type SliCounts, sliSql } from '@/lib/queries/slo-sql';
import { budgetFraction } from './burn-rules';
import { promqlCounts } from './promql-counts';
import type { Slo } from './slo-store';
import { windowRange } from './windows';

const MINUTE = 60_000;
const HOUR = 3_600_000;
export const BURN_WINDOWS = { '5m': 5 * MINUTE, '1h': HOUR, '6h': 6 * HOUR, '3d': 72 * HOUR } as const;
export type BurnWindow = keyof typeof BURN_WINDOWS;

export type Budget = {
  /** Percent of the error budget left (negative once overspent); 100 without events. */
  remaining: number;
  consumed: number;
  good: number;
  total: number;
  bad: number;
  /** Bad events the objective allows over the events so far. */
  allowed: number;
  remaining_events: number;
  /** The budget as time: (1 − objective) × window length, times the part left. */
  remaining_minutes: number;
  unit: 'checks' | 'requests' | 'events';
};

export interface SloStatus {
  from: number;
  to: number;
  /** Good / total in percent; null without events. */
  sli: number | null;
  budget: Budget;
  burn_rate: Record<BurnWindow, number | null>;
  /** When the budget runs out at the last hour's burn rate; null when it is not burning. */
  exhausted_at: number | null;
  burndown: [number, number][] | null;
}

/** Counts an SLI over [from, to): the exact rollup + raw read, or the rule evaluator for PromQL SLIs. */
export function countSli(db: Db, slo: Slo, from: number, to: number): SliCounts {
  if (slo.sli.kind === 'promql') return promqlCounts(db, slo.sli.good, slo.sli.total, from, to);
  const sql = sliSql(db, slo.sli, PROBE_RESOLUTIONS, LOG_RESOLUTIONS)!;
  return getSloCounts(db, sql, from, to);
}

const remainingPct = (c: SliCounts, budget: number): number => {
  const allowed = budget * c.total;
  if (c.total === 0) return 100;
  return round((1 - (c.total - c.good) / allowed) * 100);
};
const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** The budget of one SLO at `now`; `burndown` adds remaining-budget points through the window. */
export function sloStatus(db: Db, slo: Slo, now: number, opts: { burndown?: boolean } = {}): SloStatus {
  const { from, to, lengthMs } = windowRange(slo.window, now);
  const budgetFrac = budgetFraction(slo.objective);
  const c = countSli(db, slo, from, to);
  const bad = c.total - c.good;
  const allowed = budgetFrac * c.total;
  const remaining = remainingPct(c, budgetFrac);
  const burn = Object.fromEntries(
    Object.entries(BURN_WINDOWS).map(([k, w]) => {
      const r = countSli(db, slo, Math.max(0, to - w), to);
      return [k, r.total ? round((r.total - r.good) / r.total / budgetFrac) : null];
    }),
  ) as Record<BurnWindow, number | null>;
  const rate = burn['1h'];
  const exhaustedAt =
    remaining <= 0 ? to : rate && rate > 0 ? Math.round(to + ((remaining / 100) * lengthMs) / rate) : null;
  return {
    from,
    to,
    sli: c.total ? round((c.good / c.total) * 100) : null,
    budget: {
      remaining,
      consumed: round(100 - remaining),
      good: c.good,
      total: c.total,
      bad,
      allowed: round(allowed),
      remaining_events: round(allowed - bad),
      remaining_minutes: round(((remaining / 100) * budgetFrac * lengthMs) / MINUTE),
      unit: slo.sli.kind === 'probe_availability' ? 'checks' : slo.sli.kind === 'promql' ? 'events' : 'requests',
    },
    burn_rate: burn,
    exhausted_at: exhaustedAt,
    burndown: opts.burndown ? burndown(db, slo, from, to, budgetFrac) : null,
  };
}

/**
 * Remaining budget through the window, one point per hour: one grouped query over the hourly rollups
 * plus exact reads of the partial hours at both ends. PromQL SLIs have no burn-down.
 */
function burndown(db: Db, slo: Slo, from: number, to: number, budgetFrac: number): [number, number][] | null {
  if (slo.sli.kind === 'promql') return null;
  const sql = sliSql(db, slo.sli, PROBE_RESOLUTIONS, LOG_RESOLUTIONS)!;
  const a = Math.ceil(from / HOUR) * HOUR;
  const b = Math.floor(to / HOUR) * HOUR;
  const acc: SliCounts = { good: 0, total: 0 };
  const add = (c: SliCounts) => {
    acc.good += c.good;
    acc.total += c.total;
  };
  const points: [number, number][] = [[from, 100]];
  if (a >= b) {
    add(getSloCounts(db, sql, from, to));
    points.push([to, remainingPct(acc, budgetFrac)]);
    return points;
  }
  add(getSloCounts(db, sql, from, a));
  points.push([a, remainingPct(acc, budgetFrac)]);
  const hours = getSloBurndown(db, sql, HOUR, a, b);
  for (let t = a; t < b; t += HOUR) {
    const h = hours.get(t);
    if (h) add(h);
    points.push([t + HOUR, remainingPct(acc, budgetFrac)]);
  }
  if (b < to) {
    add(getSloCounts(db, sql, b, to));
    points.push([to, remainingPct(acc, budgetFrac)]);
  }
  return points;
}
