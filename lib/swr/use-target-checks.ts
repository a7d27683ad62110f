'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import { swrOptions, withQuery } from './options';
import type { Check } from './types';

// GET /api/v1/targets/{id}/checks?from&to&limit — newest first.
export function useTargetChecks(id: number, range: TimeRange, limit = 50, refreshMs: number = REFRESH_INTERVAL_MS) {
  const key = withQuery(`/api/v1/targets/${id}/checks`, { from: range.from, to: range.to, limit });
  const res = useSWR<{ data: Check[] }>(key, swrOptions(refreshMs));
  return { ...res, checks: res.data?.data };
}
