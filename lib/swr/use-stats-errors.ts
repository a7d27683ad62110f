'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { ErrorGroup, KeyCount } from './types';

// GET /api/v1/stats/errors?from&to&by — failed requests by status/provider/source, problem lines by level.
export function useStatsErrors(range: TimeRange, by: ErrorGroup, refreshMs: number) {
  const key = withQuery('/api/v1/stats/errors', { from: range.from, to: range.to, by });
  const res = useSWR<{ data: KeyCount[] }>(key, swrOptions(refreshMs));
  return { ...res, errors: res.data?.data };
}
