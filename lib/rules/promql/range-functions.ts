import { dropName } from '../labels';
import {
  changes,
  doubleExponentialSmoothing,
  kahanInc,
  linearRegression,
  madOverTime,
  quantile,
  tsOf,
  variance,
} from './range-math';
import type { RangeSeries, Sample } from './values';

type Points = [number, number][];

/**
 * Prometheus's extrapolatedRate, line for line. Lookout's counters are cumulative samples every
 * 10 s, so rate/increase match Prometheus on the same data; like Prometheus, increase() over a
 * window is an extrapolated estimate, not the exact count of events Lookout's logs hold.
 */
export function extrapolatedRate(
  points: Points,
  rangeStartMs: number,
  rangeEndMs: number,
  isCounter: boolean,
  isRate: boolean,
): number | null {
  if (points.length < 2) return null;
  const first = points[0];
  const last = points[points.length - 1];
  let result = last[1] - first[1];
  if (isCounter) {
    for (let i = 1; i < points.length; i++) if (points[i][1] < points[i - 1][1]) result += points[i - 1][1];
  }
  return extrapolate(result, first, last, points.length, rangeStartMs, rangeEndMs, isCounter, isRate);
}

/** The extrapolation of extrapolatedRate, given the change over the points (resets counted) and their first, last and count. */
export function extrapolate(
  result: number,
  first: readonly [number, number],
  last: readonly [number, number],
  count: number,
  rangeStartMs: number,
  rangeEndMs: number,
  isCounter: boolean,
  isRate: boolean,
): number {
  let durationToStart = (first[0] - rangeStartMs) / 1000;
  let durationToEnd = (rangeEndMs - last[0]) / 1000;
  const sampledInterval = (last[0] - first[0]) / 1000;
  const averageBetween = sampledInterval / (count - 1);
  const threshold = averageBetween * 1.1;
  if (durationToStart >= threshold) durationToStart = averageBetween / 2;
  if (isCounter && result > 0 && first[1] >= 0) {
    const durationToZero = sampledInterval * (first[1] / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  if (durationToEnd >= threshold) durationToEnd = averageBetween / 2;
  let factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
  if (isRate) factor /= (rangeEndMs - rangeStartMs) / 1000;
  return result * factor;
}

function instantDelta(points: Points, isRate: boolean): number | null {
  if (points.length < 2) return null;
  const [pt, pv] = points[points.length - 2];
  const [lt, lv] = points[points.length - 1];
  const diff = isRate && lv < pv ? lv : lv - pv;
  if (!isRate) return diff;
  const dt = (lt - pt) / 1000;
  return dt === 0 ? null : diff / dt;
}

/** Kahan–Neumaier summation, as Prometheus 3 uses for sum/avg (and *_over_time). */
export function kahanSum(vs: number[]): number {
  let sum = 0;
  let c = 0;
  for (const v of vs) {
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) c += sum - t + v;
    else c += v - t + sum;
    sum = t;
  }
  return Number.isFinite(sum) ? sum + c : sum;
}

/** Prometheus's avg: Kahan sum while it stays finite, then an incremental (Kahan) mean. */
export function mean(vs: number[]): number {
  let [sum, c, m] = [vs[0], 0, 0];
  let incremental = false;
  for (let i = 1; i < vs.length; i++) {
    const n = i + 1;
    if (!incremental) {
      const [t, tc] = kahanInc(vs[i], sum, c);
      if (Number.isFinite(t)) {
        [sum, c] = [t, tc];
        continue;
      }
      incremental = true;
      m = sum / (n - 1);
      c /= n - 1;
    }
    const q = (n - 1) / n;
    [m, c] = kahanInc(vs[i] / n, q * m, q * c);
  }
  return incremental ? m + c : sum / vs.length + c / vs.length;
}

const OVER_TIME: Record<string, (vs: number[]) => number> = {
  avg_over_time: mean,
  min_over_time: (vs) => vs.reduce((a, b) => (Number.isNaN(a) || b < a ? b : a), NaN),
  max_over_time: (vs) => vs.reduce((a, b) => (Number.isNaN(a) || b > a ? b : a), NaN),
  sum_over_time: kahanSum,
  count_over_time: (vs) => vs.length,
  last_over_time: (vs) => vs[vs.length - 1],
  first_over_time: (vs) => vs[0],
  changes: (vs) => changes(vs, false),
  resets: (vs) => changes(vs, true),
  mad_over_time: madOverTime,
  present_over_time: () => 1,
  stdvar_over_time: variance,
  stddev_over_time: (vs) => Math.sqrt(variance(vs)),
};

/** Applies a range-vector function to each series; series without enough points are dropped. */
export function applyRangeFunction(
  func: string,
  series: RangeSeries[],
  rangeStartMs: number,
  rangeEndMs: number,
  params: number[],
  evalMs: number,
): Sample[] {
  const out: Sample[] = [];
  for (const s of series) {
    if (s.points.length === 0) continue;
    const vs = s.points.map((p) => p[1]);
    let v: number | null;
    if (func === 'rate') v = extrapolatedRate(s.points, rangeStartMs, rangeEndMs, true, true);
    else if (func === 'increase') v = extrapolatedRate(s.points, rangeStartMs, rangeEndMs, true, false);
    else if (func === 'delta') v = extrapolatedRate(s.points, rangeStartMs, rangeEndMs, false, false);
    else if (func === 'irate') v = instantDelta(s.points, true);
    else if (func === 'idelta') v = instantDelta(s.points, false);
    else if (func === 'deriv') v = s.points.length < 2 ? null : linearRegression(s.points, s.points[0][0])[0];
    else if (func === 'predict_linear') {
      if (s.points.length < 2) v = null;
      else {
        const [slope, intercept] = linearRegression(s.points, evalMs);
        v = slope * params[0] + intercept;
      }
    } else if (func === 'double_exponential_smoothing') v = doubleExponentialSmoothing(vs, params[0], params[1]);
    else if (func.startsWith('ts_of_')) v = tsOf(func, s.points);
    else if (func === 'quantile_over_time') v = quantile(params[0], vs);
    else v = OVER_TIME[func](vs);
    if (v === null) continue;
    // last_over_time and first_over_time keep the metric name in Prometheus; every other function drops it.
    out.push({
      labels: func === 'last_over_time' || func === 'first_over_time' ? { ...s.labels } : dropName(s.labels),
      value: v,
    });
  }
  return out;
}
