import { formatLabels, labelsKey } from '../labels';
import type { SeriesSource } from '../series-source';
import type { Expr } from './ast';
import { evaluate } from './eval';
import { DEFAULT_LOOKBACK_MS, type Sample } from './values';

export { type Expr, UnsupportedError } from './ast';
export { parsePromQL } from './parse';
export { instantQuery, type RangeResult, rangeQuery } from './query';
export type { QueryValue, Sample } from './values';

/** Evaluates a rule expression at timeMs as Prometheus's rule engine does: a scalar becomes one label-less sample. */
export function evaluateInstant(
  expr: Expr,
  source: SeriesSource,
  timeMs: number,
  lookbackMs = DEFAULT_LOOKBACK_MS,
): Sample[] {
  const v = evaluate(expr, { source, timeMs, startMs: timeMs, endMs: timeMs, stepMs: 0, lookbackMs });
  if (v.type === 'scalar') return [{ labels: {}, value: v.value }];
  if (v.type === 'matrix') throw new Error('rule result is not a vector or scalar (got a range vector)');
  if (v.type === 'string') throw new Error('rule result is not a vector or scalar (got a string)');
  const seen = new Set<string>();
  for (const s of v.samples) {
    const k = labelsKey(s.labels);
    if (seen.has(k)) throw new Error(`vector cannot contain metrics with the same labelset ${formatLabels(s.labels)}`);
    seen.add(k);
  }
  return v.samples.map((s) => ({ labels: s.labels, value: s.value }));
}
