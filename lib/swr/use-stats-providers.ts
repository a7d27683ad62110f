'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { ProviderStats } from './types';

// GET /api/v1/stats/providers?from&to — one row per provider.
export function useStatsProviders(range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/stats/providers', { from: range.from, to: range.to });
  const res = useSWR<{ data: ProviderStats[] }>(key, swrOptions(refreshMs));
  return { ...res, providers: res.data?.data };
}
