/**
 * A sparse log-scale histogram (as DDSketch): bucket i holds values in (γ^(i-1), γ^i].
 * Reporting 2γ^i/(γ+1) keeps the relative error of any quantile under (γ-1)/(γ+1) ≈ 4.8 %.
 */
export const GAMMA = 1.1;
const LOG_GAMMA = Math.log(GAMMA);
/** Values at or below 0.01 ms share the lowest bucket. */
const MIN_INDEX = Math.ceil(Math.log(0.01) / LOG_GAMMA);

export type Histogram = Map<number, number>;

export function bucketIndex(value: number): number {
  if (!(value > 0.01)) return MIN_INDEX;
  return Math.ceil(Math.log(value) / LOG_GAMMA);
}

export function bucketValue(index: number): number {
  return (2 * GAMMA ** index) / (GAMMA + 1);
}

export function bucketUpperBound(index: number): number {
  return GAMMA ** index;
}

export function addValue(h: Histogram, value: number, count = 1): void {
  const i = bucketIndex(value);
  h.set(i, (h.get(i) ?? 0) + count);
}

export function mergeInto(target: Histogram, source: Histogram): void {
  for (const [i, n] of source) target.set(i, (target.get(i) ?? 0) + n);
}

export function histogramToJson(h: Histogram): string {
  const obj: Record<string, number> = {};
  for (const [i, n] of h) obj[i] = n;
  return JSON.stringify(obj);
}

export function histogramFromJson(text: string | null | undefined): Histogram {
  const h: Histogram = new Map();
  if (!text) return h;
  for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, number>)) h.set(Number(k), v);
  return h;
}

export function histogramCount(h: Histogram): number {
  let n = 0;
  for (const c of h.values()) n += c;
  return n;
}

/** Nearest-rank quantile (q in 0..1); null for an empty histogram. */
export function quantile(h: Histogram, q: number): number | null {
  const total = histogramCount(h);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  const keys = [...h.keys()].sort((a, b) => a - b);
  let seen = 0;
  for (const k of keys) {
    seen += h.get(k)!;
    if (seen >= rank) return bucketValue(k);
  }
  return bucketValue(keys[keys.length - 1]);
}

/** Exact nearest-rank quantile of raw values, the reference the histogram is tested against. */
export function exactQuantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}
