type Points = [number, number][];

/** Kahan–Neumaier step, as Prometheus's kahansum.Inc. */
export function kahanInc(inc: number, sum: number, c: number): [number, number] {
  const t = sum + inc;
  if (!Number.isFinite(t)) return [t, 0];
  if (Math.abs(sum) >= Math.abs(inc)) return [t, c + (sum - t + inc)];
  return [t, c + (inc - t + sum)];
}

/** Welford's variance with Kahan-compensated running sums (Prometheus's varianceOverTime). */
export function variance(vs: number[]): number {
  let count = 0;
  let [m, cm, aux, caux] = [0, 0, 0, 0];
  for (const v of vs) {
    count++;
    const delta = v - (m + cm);
    [m, cm] = kahanInc(delta / count, m, cm);
    [aux, caux] = kahanInc(delta * (v - (m + cm)), aux, caux);
  }
  return (aux + caux) / count;
}

/** Least squares over (t - interceptMs, v), as Prometheus's linearRegression. */
export function linearRegression(points: Points, interceptMs: number): [number, number] {
  const initY = points[0][1];
  const constY = points.every(([, v]) => v === initY);
  if (constY) return Number.isFinite(initY) ? [0, initY] : [NaN, NaN];
  let [n, sx, cx, sy, cy, sxy, cxy, sx2, cx2] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (const [t, v] of points) {
    n++;
    const x = (t - interceptMs) / 1000;
    [sx, cx] = kahanInc(x, sx, cx);
    [sy, cy] = kahanInc(v, sy, cy);
    [sxy, cxy] = kahanInc(x * v, sxy, cxy);
    [sx2, cx2] = kahanInc(x * x, sx2, cx2);
  }
  sx += cx;
  sy += cy;
  sxy += cxy;
  sx2 += cx2;
  const slope = (sxy - (sx * sy) / n) / (sx2 - (sx * sx) / n);
  return [slope, sy / n - (slope * sx) / n];
}

export function doubleExponentialSmoothing(vs: number[], sf: number, tf: number): number | null {
  if (!(sf > 0 && sf < 1)) throw new Error(`invalid smoothing factor. Expected: 0 < sf < 1, got: ${sf.toFixed(6)}`);
  if (!(tf > 0 && tf < 1)) throw new Error(`invalid trend factor. Expected: 0 < tf < 1, got: ${tf.toFixed(6)}`);
  if (vs.length < 2) return null;
  let [s0, s1, b] = [0, vs[0], vs[1] - vs[0]];
  for (let i = 1; i < vs.length; i++) {
    if (i > 1) b = tf * (s1 - s0) + (1 - tf) * b;
    [s0, s1] = [s1, sf * vs[i] + (1 - sf) * (s1 + b)];
  }
  return s1;
}

/** ts_of_{min,max,first,last}_over_time: the time (s) of that sample; ties go to the latest. */
export function tsOf(func: string, points: Points): number {
  if (func === 'ts_of_first_over_time') return points[0][0] / 1000;
  if (func === 'ts_of_last_over_time') return points[points.length - 1][0] / 1000;
  const better = func === 'ts_of_max_over_time' ? (c: number, b: number) => c >= b : (c: number, b: number) => c <= b;
  let [bt, bv] = points[0];
  for (const [t, v] of points) if (better(v, bv) || Number.isNaN(bv)) [bt, bv] = [t, v];
  return bt / 1000;
}

export function changes(vs: number[], isReset: boolean): number {
  let n = 0;
  for (let i = 1; i < vs.length; i++) {
    const [p, c] = [vs[i - 1], vs[i]];
    if (isReset ? c < p : !(c === p || (Number.isNaN(c) && Number.isNaN(p)))) n++;
  }
  return n;
}

export function madOverTime(vs: number[]): number {
  if (vs.some(Number.isNaN)) return NaN;
  const median = quantile(0.5, vs);
  return quantile(
    0.5,
    vs.map((v) => Math.abs(v - median)),
  );
}

export function quantile(q: number, values: number[]): number {
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  // NaN sorts first, as in Prometheus's vectorByValueHeap.
  const sorted = [...values].sort((a, b) =>
    Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : Number.isNaN(b) ? 1 : a - b,
  );
  const rank = q * (sorted.length - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(sorted.length - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return sorted[lower] * (1 - weight) + sorted[upper] * weight;
}
