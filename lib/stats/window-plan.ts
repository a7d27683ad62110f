export interface Segment {
  /** Bucket width in ms; 0 means raw rows. */
  res: number;
  from: number;
  to: number;
}

/**
 * Splits [from, to) into the coarsest aligned rollup buckets that fit, finer ones at the edges, and
 * raw rows for the partial minutes, so a 30-day window sums exactly 30 days of checks.
 */
export function planWindow(from: number, to: number, resolutions: readonly number[]): Segment[] {
  if (from >= to) return [];
  const [res, ...finer] = [...resolutions].sort((a, b) => b - a);
  if (res === undefined) return [{ res: 0, from, to }];
  const a = Math.ceil(from / res) * res;
  const b = Math.floor(to / res) * res;
  if (a >= b) return planWindow(from, to, finer);
  return [...planWindow(from, a, finer), { res, from: a, to: b }, ...planWindow(b, to, finer)];
}

/** The rollup width a chart of this range reads: about 60 to 1,500 points. */
export function chartResolution(from: number, to: number, resolutions: readonly number[]): number {
  const span = to - from;
  const sorted = [...resolutions].sort((a, b) => a - b);
  return sorted.find((r) => span / r <= 1_500) ?? sorted[sorted.length - 1];
}

/** Bucket starts covering [from, to) at width res, oldest first. */
export function bucketStarts(from: number, to: number, res: number): number[] {
  const out: number[] = [];
  for (let t = Math.floor(from / res) * res; t < to; t += res) out.push(t);
  return out;
}
