'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import type { RouteStats } from './log-detail-types';
import { swrOptions, withQuery } from './options';

// GET /api/v1/stats/routes?from&to — one row per templated route and method, busiest first.
export function useStatsRoutes(range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/stats/routes', { from: range.from, to: range.to });
  const res = useSWR<{ data: RouteStats[] }>(key, swrOptions(refreshMs));
  return { ...res, routes: res.data?.data };
}
