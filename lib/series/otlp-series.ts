import type { Db } from '@/lib/db/connection';
import { storedSeries } from './stored-series';
import type { Matcher, RawSeries } from './types';

/** Series received over OTLP (`POST /v1/metrics`), narrowed by name and labels before samples are read. */
export function otlpSeries(db: Db, matchers: Matcher[], start: number, end: number): RawSeries[] {
  return storedSeries(db, 'otlp', matchers, start, end);
}
