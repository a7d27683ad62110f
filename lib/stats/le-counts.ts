import { bucketUpperBound, type Histogram } from './histogram';

/** The `le` bounds (seconds) of `http_request_duration_seconds_bucket`, as log_rollups' le_0 … le_13 columns. */
export const LE_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] as const;

/** The first `le` slot each log-scale bucket index counts in (it counts in every slot after it too). */
const firstLe = new Map<number, number>();

export function leSlot(i: number): number {
  let k = firstLe.get(i);
  if (k === undefined) {
    const upper = bucketUpperBound(i) / 1000;
    k = LE_SECONDS.findIndex((le) => upper <= le * 1.0000001);
    if (k < 0) k = LE_SECONDS.length;
    firstLe.set(i, k);
  }
  return k;
}

/** Observations at or below each `le` bound (cumulative, as the bucket series count them). */
export function leCounts(h: Histogram): number[] {
  const out = new Array<number>(LE_SECONDS.length).fill(0);
  for (const [i, n] of h) for (let k = leSlot(i); k < LE_SECONDS.length; k++) out[k] += n;
  return out;
}
