import { dropName, formatLabels, type Labels, labelsKey } from '../labels';
import type { StepAnswer, StepSeries } from '../series-source';
import type { Sample } from './values';

type Bucket = { upper: number; count: number };

/** Prometheus's bucketQuantile for classic (le-labelled) histograms. */
export function bucketQuantile(q: number, input: Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...input].sort((a, b) => a.upper - b.upper);
  if (sorted.length === 0 || sorted[sorted.length - 1].upper !== Infinity) return NaN;
  const buckets: Bucket[] = [];
  for (const b of sorted) {
    const prev = buckets[buckets.length - 1];
    if (prev && prev.upper === b.upper) prev.count += b.count;
    else buckets.push({ ...b });
  }
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i].count < buckets[i - 1].count) buckets[i].count = buckets[i - 1].count;
  }
  if (buckets.length < 2) return NaN;
  const observations = buckets[buckets.length - 1].count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  let b = buckets.findIndex((x, i) => i < buckets.length - 1 && x.count >= rank);
  if (b < 0) b = buckets.length - 1;
  if (b === buckets.length - 1) return buckets[buckets.length - 2].upper;
  if (b === 0 && buckets[0].upper <= 0) return buckets[0].upper;
  let start = 0;
  const end = buckets[b].upper;
  let count = buckets[b].count;
  if (b > 0) {
    start = buckets[b - 1].upper;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return start + (end - start) * (rank / count);
}

function parseLe(le: string | undefined): number | null {
  if (le === undefined) return null;
  if (le === '+Inf' || le === 'Inf' || le === '+inf') return Infinity;
  const v = Number(le);
  return Number.isNaN(v) ? null : v;
}

function sortAndCoalesce(input: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  for (const b of [...input].sort((x, y) => x.upper - y.upper)) {
    const prev = out[out.length - 1];
    if (prev && prev.upper === b.upper) prev.count += b.count;
    else out.push({ ...b });
  }
  return out;
}

/** Prometheus's BucketFraction: the share of observations in [lower, upper], interpolated inside buckets. */
export function bucketFraction(lower: number, upper: number, input: Bucket[]): number {
  const buckets = sortAndCoalesce(input);
  if (buckets.length === 0 || buckets[buckets.length - 1].upper !== Infinity) return NaN;
  const count = buckets[buckets.length - 1].count;
  if (count === 0 || Number.isNaN(lower) || Number.isNaN(upper)) return NaN;
  if (lower >= upper) return 0;
  let [rank, lowerRank, upperRank] = [0, 0, 0];
  let [lowerSet, upperSet] = [false, false];
  let lowerBound = buckets[0].upper <= 0 ? -Infinity : 0;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i];
    if (i > 0) lowerBound = buckets[i - 1].upper;
    const interpolate = (v: number) =>
      lowerBound === -Infinity ? b.count : rank + ((b.count - rank) * (v - lowerBound)) / (b.upper - lowerBound);
    if (!lowerSet && lowerBound >= lower) [lowerRank, lowerSet] = [rank, true];
    if (!upperSet && lowerBound >= upper) [upperRank, upperSet] = [rank, true];
    if (lowerSet && upperSet) break;
    if (!lowerSet && lowerBound < lower && b.upper > lower) [lowerRank, lowerSet] = [interpolate(lower), true];
    if (!upperSet && lowerBound < upper && b.upper > upper) [upperRank, upperSet] = [interpolate(upper), true];
    if (lowerSet && upperSet) break;
    rank = b.count;
  }
  if (!lowerSet || lowerRank > count) lowerRank = count;
  if (!upperSet || upperRank > count) upperRank = count;
  return (upperRank - lowerRank) / count;
}

/** histogram_fraction(lower, upper, v) over classic (le-labelled) buckets. */
export function histogramFraction(lower: number, upper: number, samples: Sample[]): Sample[] {
  return groupBuckets(samples).map((g) => ({ labels: g.labels, value: bucketFraction(lower, upper, g.buckets) }));
}

/** histogram_quantile(q, v): groups by all labels but `le` (and the name); samples without a valid le are ignored. */
export function histogramQuantile(q: number, samples: Sample[]): Sample[] {
  return groupBuckets(samples).map((g) => ({ labels: g.labels, value: bucketQuantile(q, g.buckets) }));
}

// A range query meets the same label objects at every step (labels are never changed in place): group keys once.
const grouping = new WeakMap<Labels, { key: string; rest: Labels }>();

function groupOf(labels: Labels): { key: string; rest: Labels } {
  let g = grouping.get(labels);
  if (!g) {
    const { le: _le, ...rest } = dropName(labels);
    grouping.set(labels, (g = { key: labelsKey(rest), rest }));
  }
  return g;
}

function groupBuckets(samples: Sample[]): { labels: Labels; buckets: Bucket[] }[] {
  const groups = new Map<string, { labels: Labels; buckets: Bucket[]; les: Set<string> }>();
  for (const s of samples) {
    const upper = parseLe(s.labels.le);
    if (upper === null) continue;
    const { key, rest } = groupOf(s.labels);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels: rest, buckets: [], les: new Set<string>() }));
    // Two series that differ only in their name (a_bucket, b_bucket) collide once the name is dropped.
    if (g.les.has(s.labels.le)) {
      throw new Error(
        `vector cannot contain metrics with the same labelset ${formatLabels({ ...rest, le: s.labels.le })}`,
      );
    }
    g.les.add(s.labels.le);
    g.buckets.push({ upper, count: s.value });
  }
  return [...groups.values()];
}

/**
 * histogram_quantile(q, v) at every step of a range query whose `v` is answered for the whole grid: the same groups,
 * buckets in the same order and the same bucketQuantile as step by step, without a sample per bucket and step.
 * Undefined where a step could fail instead (two buckets of a group with the same `le`): the steps then say how.
 */
export function quantileSteps(q: number, v: StepAnswer): StepAnswer | undefined {
  const groups = new Map<string, { labels: Labels; members: { s: StepSeries; upper: number }[]; les: Set<string> }>();
  for (const s of v.series) {
    const upper = parseLe(s.labels.le);
    if (upper === null) continue;
    const { key, rest } = groupOf(s.labels);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels: rest, members: [], les: new Set<string>() }));
    if (g.les.has(s.labels.le)) return undefined;
    g.les.add(s.labels.le);
    g.members.push({ s, upper });
  }
  const series: StepSeries[] = [];
  for (const g of groups.values()) {
    const values = new Float64Array(v.steps);
    const present = new Uint8Array(v.steps);
    for (let k = 0; k < v.steps; k++) {
      const buckets: Bucket[] = [];
      for (const m of g.members) if (m.s.present[k]) buckets.push({ upper: m.upper, count: m.s.values[k] });
      if (buckets.length === 0) continue;
      values[k] = bucketQuantile(q, buckets);
      present[k] = 1;
    }
    series.push({ labels: g.labels, values, present });
  }
  return { series, steps: v.steps };
}
