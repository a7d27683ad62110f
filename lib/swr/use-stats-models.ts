'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { ModelStats } from './types';

// GET /api/v1/stats/models?from&to — one row per provider and model.
export function useStatsModels(range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/stats/models', { from: range.from, to: range.to });
  const res = useSWR<{ data: ModelStats[] }>(key, swrOptions(refreshMs));
  return { ...res, models: res.data?.data };
}
