import type { Matcher, RawSeries, SeriesSource } from '@/lib/rules/series-source';

/**
 * A range query asks the same selectors again at every step, each window later than the last. The first ask of a
 * selector also reads it over the whole query (`span` past the first window) so the source's window cache holds
 * every later step; each step is then still answered by the source itself, exactly as an instant query would be.
 */
export function warmingSource(inner: SeriesSource, span: number): SeriesSource {
  const warmed = new Set<string>();
  return {
    select(matchers: Matcher[], startMs: number, endMs: number): RawSeries[] {
      const key = JSON.stringify(matchers);
      if (span > 0 && !warmed.has(key)) {
        warmed.add(key);
        inner.select(matchers, startMs, endMs + span);
      }
      return inner.select(matchers, startMs, endMs);
    },
  };
}
