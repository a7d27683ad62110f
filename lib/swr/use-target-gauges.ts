'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import { swrOptions, withQuery } from './options';
import type { SeriesResponse } from './types';

// GET /api/v1/targets/{id}/gauges?from&to — numeric fields of the JSON answers.
export function useTargetGauges(id: number, range: TimeRange, refreshMs: number = REFRESH_INTERVAL_MS) {
  const key = withQuery(`/api/v1/targets/${id}/gauges`, { from: range.from, to: range.to });
  return useSWR<SeriesResponse & { truncated: boolean }>(key, swrOptions(refreshMs));
}
