import type { Db } from '@/lib/db/connection';
import type { SliCounts } from '@/lib/queries/slo-sql';
import { evaluateInstant, parsePromQL } from '@/lib/rules/promql';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { countExpr } from './burn-rules';

const one = (db: Db, expr: string, at: number): number => {
  const samples = evaluateInstant(parsePromQL(expr), createSqliteSeriesSource(db), at);
  const v = samples.reduce((n, s) => n + (Number.isFinite(s.value) ? s.value : 0), 0);
  return Math.max(0, v);
};

/**
 * A PromQL SLI's good and total over [from, to): the rule evaluator's `increase()` at `to`, so counts carry
 * PromQL's extrapolation and are not exact as the built-in kinds are.
 */
export function promqlCounts(db: Db, good: string, total: string, from: number, to: number): SliCounts {
  const w = `${Math.max(1, Math.round((to - from) / 1000))}s`;
  return { good: one(db, countExpr(good, w), to), total: one(db, countExpr(total, w), to) };
}
