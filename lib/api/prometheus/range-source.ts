import type { Matcher, RawSeries, SeriesSource } from '@/lib/rules/series-source';

/** How far ahead one read-ahead reaches: small enough that a query past its timeout stops within about a second. */
const CHUNK_MS = 6 * 3_600_000;

/**
 * A range query asks the same selectors again at every step, each window later than the last. When a step's window
 * is not yet read ahead, this also reads its selector up to CHUNK_MS further (never past the query's end), so the
 * source's window cache holds the next steps; each step is still answered by the source itself, exactly as an
 * instant query would be.
 */
export function warmingSource(inner: SeriesSource, queryEndMs: number): SeriesSource {
  const warmedTo = new Map<string, number>();
  return {
    select(matchers: Matcher[], startMs: number, endMs: number): RawSeries[] {
      const key = JSON.stringify(matchers);
      const to = warmedTo.get(key) ?? -Infinity;
      if (endMs > to) {
        const ahead = Math.max(endMs, Math.min(endMs + CHUNK_MS, queryEndMs));
        warmedTo.set(key, ahead);
        if (ahead > endMs) inner.select(matchers, startMs, ahead);
      }
      return inner.select(matchers, startMs, endMs);
    },
    selectSteps: inner.selectSteps?.bind(inner),
    rangeSteps: inner.rangeSteps?.bind(inner),
  };
}
