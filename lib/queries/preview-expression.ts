import type { Db } from '@/lib/db/connection';
import { evaluateInstant, parsePromQL } from '@/lib/rules';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';

const MAX_SERIES = 200;

/** What a PromQL expression returns now, over the series the rules see; errors come back as text. */
export function previewExpression(
  db: Db,
  expr: string,
  now: number,
  opts: { sinceMs?: number; instance?: string } = {},
) {
  try {
    const result = evaluateInstant(parsePromQL(expr), createSqliteSeriesSource(db, opts), now);
    return {
      result: result.slice(0, MAX_SERIES).map((s) => ({ labels: s.labels, value: s.value })),
      truncated: result.length > MAX_SERIES,
      error: null,
    };
  } catch (err) {
    return { result: [], truncated: false, error: err instanceof Error ? err.message : String(err) };
  }
}
