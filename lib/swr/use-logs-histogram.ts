'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { LogHistogram } from './types';
import type { LogQuery } from './use-logs';

// GET /api/v1/logs/histogram?from&to&q&source&level — matching lines per step.
export function useLogsHistogram(range: TimeRange, query: LogQuery, refreshMs: number) {
  const key = withQuery('/api/v1/logs/histogram', { from: range.from, to: range.to, ...query });
  return useSWR<LogHistogram>(key, swrOptions(refreshMs));
}
