import { type Expr, instantQuery, parsePromQL, rangeQuery } from '@/lib/rules/promql';
import type { SeriesSource } from '@/lib/rules/series-source';
import { invalidParam, PromApiError } from './envelope';
import { formatInstant, formatRange, type InstantData } from './format-result';
import { assertWithinBudget } from './limits';
import { durationParam, timeParam } from './params';
import { warmingSource } from './range-source';

/** The longest a query may run (Prometheus's --query.timeout is 2 m; Lookout shares its one thread with the engine). */
export const QUERY_TIMEOUT_MS = 30_000;
/** Prometheus's limit on points per series of a range query. */
export const MAX_POINTS = 11_000;

function parseQuery(params: URLSearchParams): Expr {
  try {
    return parsePromQL(params.get('query') ?? '');
  } catch (err) {
    throw invalidParam('query', err);
  }
}

/** A deadline from the `timeout` parameter, never past QUERY_TIMEOUT_MS; the check throws a `timeout` error. */
function deadline(params: URLSearchParams): () => void {
  const asked = durationParam(params, 'timeout');
  // Prometheus lets a deadline already past time the query out (503); here it is the bad input it is.
  if (asked !== undefined && !(asked > 0)) throw invalidParam('timeout', new Error('timeout must be positive'));
  const ms = Math.min(QUERY_TIMEOUT_MS, asked ?? QUERY_TIMEOUT_MS);
  const until = performance.now() + ms;
  return () => {
    if (performance.now() > until) throw new PromApiError('timeout', 'query timed out in expression evaluation');
  };
}

/** Errors from evaluating a well-formed query are Prometheus's `execution` (422). */
function evaluating<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PromApiError) throw err;
    throw new PromApiError('execution', err instanceof Error ? err.message : String(err));
  }
}

/** GET/POST /api/v1/query: `query`, `time` (default now), `timeout`. */
export function runInstantQuery(params: URLSearchParams, source: SeriesSource, nowMs: number): InstantData {
  const timeMs = timeParam(params, 'time', nowMs);
  const check = deadline(params);
  const expr = parseQuery(params);
  assertWithinBudget(expr, 1);
  const value = evaluating(() => instantQuery(expr, source, timeMs, undefined, check));
  check();
  return formatInstant(value, timeMs);
}

/** GET/POST /api/v1/query_range: `query`, `start`, `end`, `step`, `timeout`, checked in Prometheus's order. */
export function runRangeQuery(params: URLSearchParams, source: SeriesSource): InstantData {
  const startMs = timeParam(params, 'start');
  const endMs = timeParam(params, 'end');
  if (endMs < startMs) throw invalidParam('end', new Error('end timestamp must not be before start time'));
  const stepMs = durationParam(params, 'step');
  if (stepMs === undefined) throw invalidParam('step', new Error(`cannot parse "" to a valid duration`));
  if (!(stepMs > 0))
    throw invalidParam(
      'step',
      new Error('zero or negative query resolution step widths are not accepted. Try a positive integer'),
    );
  if (Math.trunc((endMs - startMs) / stepMs) > MAX_POINTS)
    throw new PromApiError(
      'bad_data',
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  const check = deadline(params);
  const expr = parseQuery(params);
  if (expr.kind === 'matrix' || expr.kind === 'string' || expr.kind === 'subquery')
    throw invalidParam(
      'query',
      new Error(
        `invalid expression type "${expr.kind === 'string' ? 'string' : 'range vector'}" for range query, must be Scalar or instant Vector`,
      ),
    );
  assertWithinBudget(expr, Math.trunc((endMs - startMs) / stepMs) + 1);
  const warm = warmingSource(source, endMs);
  const result = evaluating(() => rangeQuery(expr, warm, startMs, endMs, stepMs, undefined, check));
  return formatRange(result);
}
