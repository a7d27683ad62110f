import { formatLabels, type Labels, labelsKey } from '../labels';
import type { SeriesSource } from '../series-source';
import type { Expr } from './ast';
import { evaluate } from './eval';
import { parsePromQL } from './parse';
import { planStepVectors, type StepVectors } from './step-plan';
import { DEFAULT_LOOKBACK_MS, type QueryValue } from './values';

export type RangeResult = { labels: Labels; points: [number, number][] }[];

/** An instant query (as Prometheus's /api/v1/query): the raw value, scalar or string included. */
export function instantQuery(
  text: string | Expr,
  source: SeriesSource,
  timeMs: number,
  lookbackMs = DEFAULT_LOOKBACK_MS,
  beforeStep?: () => void,
): QueryValue {
  const expr = typeof text === 'string' ? parsePromQL(text) : text;
  const v = evaluate(expr, { source, timeMs, startMs: timeMs, endMs: timeMs, stepMs: 0, lookbackMs, beforeStep });
  if (v.type !== 'vector') return v;
  assertUnique(v.samples.map((s) => s.labels));
  return { type: 'vector', samples: v.samples.map((s) => ({ labels: s.labels, value: s.value })) };
}

/** A range query (as /api/v1/query_range): one series per label set, sorted by labels. */
export function rangeQuery(
  text: string | Expr,
  source: SeriesSource,
  startMs: number,
  endMs: number,
  stepMs: number,
  lookbackMs = DEFAULT_LOOKBACK_MS,
  /** Called before each step (and subquery step); the query API throws from it when the query's time is up. */
  beforeStep?: () => void,
): RangeResult {
  const expr = typeof text === 'string' ? parsePromQL(text) : text;
  if (!(stepMs > 0)) throw new Error('zero or negative query resolution step widths are not accepted');
  const stepVectors = planStepVectors(expr, source, { firstMs: startMs, lastMs: endMs, stepMs }, lookbackMs);
  if (stepVectors.size === 0) return stepByStep(expr, source, startMs, endMs, stepMs, lookbackMs, beforeStep);
  try {
    return stepByStep(expr, source, startMs, endMs, stepMs, lookbackMs, beforeStep, stepVectors);
  } catch {
    // An error names the first offending series, which depends on the order series are read in: ask again as
    // the step-by-step path would (a timeout stays a timeout: the deadline has passed).
    return stepByStep(expr, source, startMs, endMs, stepMs, lookbackMs, beforeStep);
  }
}

function stepByStep(
  expr: Expr,
  source: SeriesSource,
  startMs: number,
  endMs: number,
  stepMs: number,
  lookbackMs: number,
  beforeStep?: () => void,
  stepVectors?: StepVectors,
): RangeResult {
  const byKey = new Map<string, { labels: Labels; points: [number, number][] }>();
  for (let t = startMs; t <= endMs; t += stepMs) {
    beforeStep?.();
    const v = evaluate(expr, { source, timeMs: t, startMs, endMs, stepMs, lookbackMs, beforeStep, stepVectors });
    let samples: { labels: Labels; value: number }[];
    if (v.type === 'scalar') samples = [{ labels: {}, value: v.value }];
    else if (v.type === 'vector') samples = v.samples;
    else
      throw new Error(
        `invalid expression type "${v.type === 'matrix' ? 'range vector' : v.type}" for range query, must be Scalar or instant Vector`,
      );
    assertUnique(samples.map((s) => s.labels));
    for (const s of samples) {
      const k = labelsKey(s.labels);
      let series = byKey.get(k);
      if (!series) byKey.set(k, (series = { labels: s.labels, points: [] }));
      series.points.push([t, s.value]);
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

function assertUnique(labelSets: Labels[]): void {
  const seen = new Set<string>();
  for (const l of labelSets) {
    const k = labelsKey(l);
    if (seen.has(k)) throw new Error(`vector cannot contain metrics with the same labelset ${formatLabels(l)}`);
    seen.add(k);
  }
}
