import type { SeriesSource, StepGrid, StepSeries } from '../series-source';
import type { Expr, VectorSelector } from './ast';

export type StepVectors = ReadonlyMap<VectorSelector, StepSeries[]>;

/**
 * Where a vector's order or its samples' own timestamps reach the result: a coarse answer lists series in label
 * order and knows values, not sample times, so a query using these stays on the step-by-step path.
 */
const ORDER_SENSITIVE = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio', 'stddev', 'stdvar', 'timestamp']);

/** The instant selectors evaluated at the query's own steps (not inside a subquery, no `@`), or null if unsafe. */
function selectors(e: Expr, out: VectorSelector[]): boolean {
  switch (e.kind) {
    case 'vector':
      if (e.at === null) out.push(e);
      return true;
    case 'number':
    case 'string':
    case 'matrix':
    case 'subquery':
      return true;
    case 'unary':
      return selectors(e.expr, out);
    case 'binary':
      return selectors(e.lhs, out) && selectors(e.rhs, out);
    case 'aggregate':
      return !ORDER_SENSITIVE.has(e.op) && (e.param === null || selectors(e.param, out)) && selectors(e.expr, out);
    case 'call':
      return !ORDER_SENSITIVE.has(e.func) && e.args.every((a) => selectors(a, out));
  }
}

/** Asks the source for every instant selector's answer over the whole grid at once, where it can give one. */
export function planStepVectors(expr: Expr, source: SeriesSource, grid: StepGrid, lookbackMs: number): StepVectors {
  const plan = new Map<VectorSelector, StepSeries[]>();
  const found: VectorSelector[] = [];
  const whole = Number.isInteger(grid.firstMs) && Number.isInteger(grid.stepMs);
  if (!source.selectSteps || !whole || !selectors(expr, found)) return plan;
  for (const sel of found) {
    const shifted = { ...grid, firstMs: grid.firstMs - sel.offsetMs, lastMs: grid.lastMs - sel.offsetMs };
    const answer = source.selectSteps(sel.matchers, shifted, lookbackMs);
    if (answer) plan.set(sel, answer);
  }
  return plan;
}
