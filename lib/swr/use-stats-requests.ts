'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { RequestGroup, SeriesResponse } from './types';
import type { StatsFilters } from './use-stats-summary';

// GET /api/v1/stats/requests?from&to&step&by — request counts per step, one series per key.
export function useStatsRequests(range: TimeRange, by: RequestGroup, refreshMs: number, filters: StatsFilters = {}) {
  const key = withQuery('/api/v1/stats/requests', { from: range.from, to: range.to, by, ...filters });
  return useSWR<SeriesResponse>(key, swrOptions(refreshMs));
}
