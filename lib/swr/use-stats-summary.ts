'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { StatsSummary } from './types';

export interface StatsFilters {
  source?: string;
  provider?: string;
  model?: string;
}

// GET /api/v1/stats/summary?from&to&source&provider&model — exact totals for the window.
export function useStatsSummary(range: TimeRange, refreshMs: number, filters: StatsFilters = {}) {
  const key = withQuery('/api/v1/stats/summary', { from: range.from, to: range.to, ...filters });
  const res = useSWR<StatsSummary>(key, swrOptions(refreshMs));
  return { ...res, summary: res.data };
}
