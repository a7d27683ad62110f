import type { Expr } from '@/lib/rules/promql';
import type { Matcher, RawSeries, SeriesSource, StepAnswer, StepGrid } from '@/lib/rules/series-source';
import { PromApiError } from './envelope';

/** Evaluations one query may make, subquery steps included (Prometheus bounds the same work by --query.max-samples). */
const MAX_EVALUATIONS = 2_000_000;
const DEFAULT_SUBQUERY_STEP_MS = 60_000;

/** How many evaluations one evaluation of `e` makes: each subquery multiplies its inner expression's count. */
function evaluations(e: Expr): number {
  switch (e.kind) {
    case 'subquery':
      return (e.rangeMs / (e.stepMs || DEFAULT_SUBQUERY_STEP_MS) + 1) * evaluations(e.expr);
    case 'aggregate':
      return Math.max(evaluations(e.expr), e.param ? evaluations(e.param) : 1);
    case 'binary':
      return Math.max(evaluations(e.lhs), evaluations(e.rhs));
    case 'unary':
      return evaluations(e.expr);
    case 'call':
      return Math.max(1, ...e.args.map(evaluations));
    default:
      return 1;
  }
}

/** Refuses, before any work, a query whose subqueries would evaluate millions of times. */
export function assertWithinBudget(e: Expr, steps: number): void {
  if (evaluations(e) * steps > MAX_EVALUATIONS)
    throw new PromApiError('execution', 'query processing would load too many samples into memory in query execution');
}

/**
 * Reads outside [lo, hi] find nothing (no series is kept longer than retention, none lies in the future), so they
 * are cut to it: a hostile `[100y]` then costs what the data costs, not a sample per 10 s of a century.
 */
export function clampedSource(inner: SeriesSource, lo: number, hi: number): SeriesSource {
  return {
    select(matchers: Matcher[], startMs: number, endMs: number): RawSeries[] {
      const start = Math.max(startMs, lo);
      const end = Math.min(endMs, hi);
      return start > end ? [] : inner.select(matchers, start, end);
    },
    // Inside the bounds the cut changes nothing; steps past `hi` are left to the step-by-step path, which cuts.
    selectSteps(matchers: Matcher[], grid: StepGrid, lookbackMs: number): StepAnswer | undefined {
      if (grid.firstMs - lookbackMs < lo) return undefined;
      return inner.selectSteps?.(matchers, { ...grid, lastMs: Math.min(grid.lastMs, hi) }, lookbackMs);
    },
    rangeSteps(func: 'rate' | 'increase', matchers: Matcher[], rangeMs: number, grid: StepGrid) {
      if (grid.firstMs - rangeMs - 10_000 < lo) return undefined;
      return inner.rangeSteps?.(func, matchers, rangeMs, { ...grid, lastMs: Math.min(grid.lastMs, hi) });
    },
  };
}
