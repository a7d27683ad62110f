import type { Expr } from '@/lib/rules/promql';
import type { At } from '@/lib/rules/promql/ast';

const hasTimestamp = (at: At) => at !== null && typeof at !== 'string';

/** Functions whose result depends on the evaluation time even with step-invariant arguments. */
const AT_UNSAFE = new Set([
  'days_in_month',
  'day_of_month',
  'day_of_week',
  'day_of_year',
  'end',
  'hour',
  'minute',
  'month',
  'year',
  'predict_linear',
  'range',
  'start',
  'step',
  'time',
  'timestamp',
]);

/**
 * promqltest also runs every instant eval with `@ <eval time>` set on each selector and subquery that
 * has none (nothing inside a subquery is touched), at five other evaluation times; the answer must not change.
 * Like Prometheus's (whose printer prefers a timestamp), `@ start()`/`@ end()` count as none.
 */
export function atVariants(expr: Expr, evalMs: number): { expr: Expr; atMs: number }[] {
  const copy = structuredClone(expr);
  let unsafe = false;
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'vector':
        if (!hasTimestamp(e.at)) e.at = { ms: evalMs };
        return;
      case 'matrix':
        if (!hasTimestamp(e.selector.at)) e.selector.at = { ms: evalMs };
        return;
      case 'subquery':
        if (!hasTimestamp(e.at)) e.at = { ms: evalMs };
        return;
      case 'call':
        if (AT_UNSAFE.has(e.func)) unsafe = true;
        e.args.forEach(visit);
        return;
      case 'aggregate':
        if (e.param) visit(e.param);
        visit(e.expr);
        return;
      case 'binary':
        visit(e.lhs);
        visit(e.rhs);
        return;
      case 'unary':
        visit(e.expr);
        return;
      default:
        return;
    }
  };
  visit(copy);
  if (unsafe) return [];
  const times = evalMs === 0 ? [-1000, 0, 1000] : [-10 * evalMs, 0, Math.trunc(evalMs / 5), evalMs, 10 * evalMs];
  return times.map((atMs) => ({ expr: copy, atMs }));
}
