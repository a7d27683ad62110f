import { compileRe2 } from '../regex/re2';

export type Matcher = { name: string; op: '=' | '!=' | '=~' | '!~'; value: string };

export interface RawSeries {
  labels: Record<string, string>; // includes __name__
  samples: [number, number][]; // [ms, value], ascending
  /** Staleness markers (ms, ascending): the series ended there; a later sample starts it again. */
  staleMs?: number[];
}

/** A range query's instants: firstMs, firstMs + stepMs, … up to lastMs. */
export interface StepGrid {
  firstMs: number;
  lastMs: number;
  stepMs: number;
}

/** One series' instant-selector result at every instant of a grid; `present[k]` is 0 where it has no sample. */
export interface StepSeries {
  labels: Record<string, string>;
  values: Float64Array;
  present: Uint8Array;
}

/** Series answered for the first `steps` instants of a grid (the rest are asked step by step). */
export interface StepAnswer {
  series: StepSeries[];
  steps: number;
}

export interface SeriesSource {
  select(matchers: Matcher[], startMs: number, endMs: number): RawSeries[];
  /**
   * The instant selector at every instant of `grid`, exactly as `select` step by step would answer it, read from
   * coarser data (docs/performance.md#query-api--npm-run-benchquery); undefined where the source cannot promise that.
   */
  selectSteps?(matchers: Matcher[], grid: StepGrid, lookbackMs: number): StepAnswer | undefined;
  /**
   * `rate` or `increase` of `matchers[rangeMs]` at the grid's instants, likewise exact, labels still named; the
   * series of one step must not need an order (the engine asks only where none reaches the result).
   */
  rangeSteps?(func: 'rate' | 'increase', matchers: Matcher[], rangeMs: number, grid: StepGrid): StepAnswer | undefined;
}

const regexCache = new Map<string, RegExp>();

/**
 * Prometheus parses label regexes with RE2's DotNL flag and anchors them by concatenation, `^(?s:` + v + `)$`,
 * so `.` also matches a newline; the translator spells `.` out, so the flag goes into the pattern.
 */
export function anchoredRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    re = compileRe2(`^(?s:${pattern})$`);
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re;
}

/** A missing label matches as the empty string, as in Prometheus. */
export function matchesLabel(m: Matcher, labels: Record<string, string>): boolean {
  const v = labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return anchoredRegex(m.value).test(v);
    case '!~':
      return !anchoredRegex(m.value).test(v);
  }
}

export function matchesAll(matchers: readonly Matcher[], labels: Record<string, string>): boolean {
  return matchers.every((m) => matchesLabel(m, labels));
}

/** An in-memory source for tests: samples in [startMs, endMs] of the series that match. */
export class InMemorySeriesSource implements SeriesSource {
  private series: RawSeries[] = [];

  add(labels: Record<string, string>, samples: [number, number][] = []): RawSeries {
    const s: RawSeries = { labels: { ...labels }, samples: [...samples].sort((a, b) => a[0] - b[0]) };
    this.series.push(s);
    return s;
  }

  /** Appends a sample to the series with exactly these labels, creating it when needed. */
  push(labels: Record<string, string>, ms: number, value: number): void {
    const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let s = this.series.find(
      (x) => JSON.stringify(Object.entries(x.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) === key,
    );
    if (!s) s = this.add(labels);
    s.samples.push([ms, value]);
    s.samples.sort((a, b) => a[0] - b[0]);
  }

  clear(): void {
    this.series = [];
  }

  /** Adds a staleness marker (Prometheus's StaleNaN) to the series with exactly these labels. */
  markStale(labels: Record<string, string>, ms: number): void {
    const key = labelsKeyOf(labels);
    const s = this.series.find((x) => labelsKeyOf(x.labels) === key) ?? this.add(labels);
    s.staleMs = [...(s.staleMs ?? []), ms].sort((a, b) => a - b);
  }

  select(matchers: Matcher[], startMs: number, endMs: number): RawSeries[] {
    const out: RawSeries[] = [];
    for (const s of this.series) {
      if (!matchesAll(matchers, s.labels)) continue;
      const samples = s.samples.slice(lowerBound(s.samples, startMs), lowerBound(s.samples, endMs + 1));
      const staleMs = s.staleMs?.filter((t) => t >= startMs && t <= endMs);
      if (samples.length > 0 || (staleMs && staleMs.length > 0))
        out.push({ labels: { ...s.labels }, samples, staleMs });
    }
    return out;
  }
}

function labelsKeyOf(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Index of the first sample at or after ms. */
function lowerBound(samples: [number, number][], ms: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid][0] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
