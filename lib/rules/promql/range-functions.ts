import { dropName } from '../labels';
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
  let durationToStart = (first[0] - rangeStartMs) / 1000;
  let durationToEnd = (rangeEndMs - last[0]) / 1000;
  const sampledInterval = (last[0] - first[0]) / 1000;
  const averageBetween = sampledInterval / (points.length - 1);
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

function irate(points: Points): number | null {
  if (points.length < 2) return null;
  const [pt, pv] = points[points.length - 2];
  const [lt, lv] = points[points.length - 1];
  const diff = lv < pv ? lv : lv - pv;
  const dt = (lt - pt) / 1000;
  return dt === 0 ? null : diff / dt;
}

export function quantile(q: number, values: number[]): number {
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(sorted.length - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return sorted[lower] * (1 - weight) + sorted[upper] * weight;
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

export function mean(vs: number[]): number {
  const sum = kahanSum(vs);
  if (Number.isFinite(sum) || vs.some((v) => !Number.isFinite(v))) return sum / vs.length;
  // The plain sum overflowed: fall back to an incremental mean, as Prometheus does.
  return vs.reduce((m, v, i) => m + (v - m) / (i + 1), 0);
}

function variance(vs: number[]): number {
  const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
  return vs.reduce((a, v) => a + (v - mean) ** 2, 0) / vs.length;
}

const OVER_TIME: Record<string, (vs: number[]) => number> = {
  avg_over_time: mean,
  min_over_time: (vs) => vs.reduce((a, b) => (Number.isNaN(a) || b < a ? b : a), NaN),
  max_over_time: (vs) => vs.reduce((a, b) => (Number.isNaN(a) || b > a ? b : a), NaN),
  sum_over_time: kahanSum,
  count_over_time: (vs) => vs.length,
  last_over_time: (vs) => vs[vs.length - 1],
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
  param: number,
): Sample[] {
  const out: Sample[] = [];
  for (const s of series) {
    if (s.points.length === 0) continue;
    let v: number | null;
    if (func === 'rate') v = extrapolatedRate(s.points, rangeStartMs, rangeEndMs, true, true);
    else if (func === 'increase') v = extrapolatedRate(s.points, rangeStartMs, rangeEndMs, true, false);
    else if (func === 'delta') v = extrapolatedRate(s.points, rangeStartMs, rangeEndMs, false, false);
    else if (func === 'irate') v = irate(s.points);
    else if (func === 'quantile_over_time') v = quantile(param, s.points.map((p) => p[1]));
    else v = OVER_TIME[func](s.points.map((p) => p[1]));
    if (v === null) continue;
    // last_over_time keeps the metric name in Prometheus; every other function drops it.
    out.push({ labels: func === 'last_over_time' ? { ...s.labels } : dropName(s.labels), value: v });
  }
  return out;
}
