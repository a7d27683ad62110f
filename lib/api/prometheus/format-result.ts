import type { Labels } from '@/lib/rules/labels';
import type { QueryValue, RangeResult } from '@/lib/rules/promql';
import { formatFloat } from '@/lib/rules/promql/format-float';

type PromPoint = [number, string];
export type InstantData =
  | { resultType: 'vector'; result: { metric: Labels; value: PromPoint }[] }
  | { resultType: 'scalar' | 'string'; result: PromPoint }
  | { resultType: 'matrix'; result: { metric: Labels; values: PromPoint[] }[] };

const point = (ms: number, v: number): PromPoint => [ms / 1000, formatFloat(v)];

/** An instant query's value in Prometheus's JSON: vector samples carry the evaluation time, not their own. */
export function formatInstant(v: QueryValue, timeMs: number): InstantData {
  switch (v.type) {
    case 'scalar':
      return { resultType: 'scalar', result: point(timeMs, v.value) };
    case 'string':
      return { resultType: 'string', result: [timeMs / 1000, v.value] };
    case 'vector':
      return {
        resultType: 'vector',
        result: v.samples.map((s) => ({ metric: s.labels, value: point(timeMs, s.value) })),
      };
    case 'matrix':
      return {
        resultType: 'matrix',
        result: v.series.map((s) => ({ metric: s.labels, values: s.points.map(([t, x]) => point(t, x)) })),
      };
  }
}

export function formatRange(r: RangeResult): InstantData {
  return {
    resultType: 'matrix',
    result: r.map((s) => ({ metric: s.labels, values: s.points.map(([t, x]) => point(t, x)) })),
  };
}
