import { matchesAll } from '@/lib/rules/series-source';
import type { Matcher } from './types';

/**
 * One label set's points read for a window, in time order. `ord` is each point's position in the
 * order rows were read, so a narrower query can list series in the order a fresh read would.
 */
export interface WindowSeries {
  labels: Record<string, string>;
  ts: number[];
  values: number[];
  ord: number[];
  /** Staleness markers (ms, ascending): the series was in one scrape-equivalent and missing from the next. */
  stale?: number[];
}

/** The series of one metric family in a window, keyed by label values. */
export class SeriesIndex {
  private readonly byKey = new Map<string, WindowSeries>();

  add(key: string, labels: () => Record<string, string>, ts: number, value: number, ord: number): void {
    let s = this.byKey.get(key);
    if (!s) this.byKey.set(key, (s = { labels: labels(), ts: [], values: [], ord: [] }));
    s.ts.push(ts);
    s.values.push(value);
    s.ord.push(ord);
  }

  /** Marks the series stale at `ts` (a point read later than `ts` starts it again). */
  markStale(key: string, ts: number): void {
    const s = this.byKey.get(key);
    if (s) (s.stale ??= []).push(ts);
  }

  /** Every series whose labels match. */
  *all(matchers: readonly Matcher[]): Generator<WindowSeries> {
    for (const s of this.byKey.values()) if (matchesAll(matchers, s.labels)) yield s;
  }

  /** Series whose labels match, with the index of their first point at or after `from`. */
  *matching(matchers: readonly Matcher[], from: number): Generator<{ s: WindowSeries; i: number }> {
    for (const s of this.byKey.values()) {
      if (!matchesAll(matchers, s.labels)) continue;
      const i = lowerBound(s.ts, from);
      if (i < s.ts.length) yield { s, i };
    }
  }
}

/** Index of the first element of the ascending `ts` that is at or after `t`. */
export function lowerBound(ts: readonly number[], t: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Puts series in the order a fresh read of the narrower range would have produced them. */
export function inReadOrder<T extends { ord: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.ord - b.ord);
}

/** The markers of `s` from its sample at `i` to `end`, as `RawSeries.staleMs` wants them. */
export function staleIn(s: WindowSeries, i: number, end: number): number[] | undefined {
  const from = s.ts[i];
  const marks = s.stale?.filter((t) => t >= from && t <= end);
  return marks && marks.length > 0 ? marks : undefined;
}
