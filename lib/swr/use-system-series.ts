'use client';
import useSWR from 'swr';
import type { SystemChart } from '@/lib/system/charts';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { SystemSeriesResponse } from './types';

export type { SystemSeriesResponse };

// GET /api/v1/system/series?chart&from&to — one /system chart, bucketed on the server.
export function useSystemSeries(chart: SystemChart, range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/system/series', { chart, from: range.from, to: range.to });
  return useSWR<SystemSeriesResponse>(key, swrOptions(refreshMs));
}
