import type { SeriesSource, StepAnswer, StepGrid } from '../series-source';
import type { Expr, MatrixSelector, VectorSelector } from './ast';
import { quantileSteps } from './histogram';

/** Selectors and `rate`/`increase` calls answered for the leading steps of a range query at once. */
export type StepVectors = ReadonlyMap<Expr, StepAnswer>;

/**
 * Where a vector's order or its samples' own timestamps reach the result: a coarse answer lists series in its own
 * order and knows values, not sample times, so a query using these stays on the step-by-step path.
 */
const ORDER_SENSITIVE = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio', 'stddev', 'stdvar', 'timestamp']);
/** Float sums depend on the order of their terms; fine for `up`'s 0 and 1, not for rates. */
const FLOAT_ORDER = new Set(['sum', 'avg']);

type RateCall = { kind: 'call'; func: 'rate' | 'increase'; args: [MatrixSelector] };

interface Found {
  vectors: VectorSelector[];
  rates: RateCall[];
  floatOrder: boolean;
}

function isRateCall(e: Expr): e is RateCall {
  if (e.kind !== 'call' || (e.func !== 'rate' && e.func !== 'increase')) return false;
  const m = e.args[0];
  return m?.kind === 'matrix' && m.selector.at === null;
}

/** Collects what the query's own steps evaluate (not inside a subquery, no `@`); false if unsafe. */
function collect(e: Expr, out: Found): boolean {
  switch (e.kind) {
    case 'vector':
      if (e.at === null) out.vectors.push(e);
      return true;
    case 'number':
    case 'string':
    case 'matrix':
    case 'subquery':
      return true;
    case 'unary':
      return collect(e.expr, out);
    case 'binary':
      return collect(e.lhs, out) && collect(e.rhs, out);
    case 'aggregate':
      if (FLOAT_ORDER.has(e.op)) out.floatOrder = true;
      return !ORDER_SENSITIVE.has(e.op) && (e.param === null || collect(e.param, out)) && collect(e.expr, out);
    case 'call':
      if (isRateCall(e)) {
        out.rates.push(e);
        return true;
      }
      return !ORDER_SENSITIVE.has(e.func) && e.args.every((a) => collect(a, out));
  }
}

const shift = (grid: StepGrid, offsetMs: number): StepGrid => ({
  ...grid,
  firstMs: grid.firstMs - offsetMs,
  lastMs: grid.lastMs - offsetMs,
});

/** Asks the source for every selector's and rate's answer over the whole grid at once, where it can give one. */
export function planStepVectors(expr: Expr, source: SeriesSource, grid: StepGrid, lookbackMs: number): StepVectors {
  const plan = new Map<Expr, StepAnswer>();
  const found: Found = { vectors: [], rates: [], floatOrder: false };
  const whole = Number.isInteger(grid.firstMs) && Number.isInteger(grid.stepMs);
  if (!whole || !collect(expr, found)) return plan;
  for (const sel of found.vectors) {
    const answer = source.selectSteps?.(sel.matchers, shift(grid, sel.offsetMs), lookbackMs);
    if (answer && answer.steps > 0) plan.set(sel, answer);
  }
  if (found.floatOrder) return plan;
  for (const call of found.rates) {
    const m = call.args[0];
    const answer = source.rangeSteps?.(call.func, m.selector.matchers, m.rangeMs, shift(grid, m.selector.offsetMs));
    if (answer && answer.steps > 0) plan.set(call, answer);
  }
  planQuantiles(expr, plan);
  return plan;
}

/** `histogram_quantile(φ, rate(…))` with a number φ over a planned rate: answered for the same steps at once. */
function planQuantiles(e: Expr, plan: Map<Expr, StepAnswer>): void {
  switch (e.kind) {
    case 'unary':
      planQuantiles(e.expr, plan);
      break;
    case 'binary':
      planQuantiles(e.lhs, plan);
      planQuantiles(e.rhs, plan);
      break;
    case 'aggregate':
      if (e.param) planQuantiles(e.param, plan);
      planQuantiles(e.expr, plan);
      break;
    case 'call': {
      const [q, v] = e.args;
      const inner = v && plan.get(v);
      if (e.func === 'histogram_quantile' && q?.kind === 'number' && inner) {
        const answer = quantileSteps(q.value, inner);
        if (answer) plan.set(e, answer);
      } else for (const a of e.args) planQuantiles(a, plan);
      break;
    }
  }
}
