'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import { swrOptions, withQuery } from './options';
import type { Incident } from './types';

// GET /api/v1/targets/{id}/incidents?from&to — newest first.
export function useTargetIncidents(id: number, range: TimeRange, refreshMs: number = REFRESH_INTERVAL_MS) {
  const key = withQuery(`/api/v1/targets/${id}/incidents`, { from: range.from, to: range.to });
  const res = useSWR<{ data: Incident[] }>(key, swrOptions(refreshMs));
  return { ...res, incidents: res.data?.data };
}
