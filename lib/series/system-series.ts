import type { Db } from '@/lib/db/connection';
import { isSystemMetric } from '@/lib/system/catalog';
import { storedSeries } from './stored-series';
import { exactLabel, type Matcher, type RawSeries } from './types';

/** Process, host, log-file and Lookout series from the system sampler, narrowed by label before samples are read. */
export function systemSeries(db: Db, matchers: Matcher[], start: number, end: number): RawSeries[] {
  const name = exactLabel(matchers, '__name__');
  if (name !== undefined && !isSystemMetric(name)) return [];
  return storedSeries(db, 'system', matchers, start, end);
}
