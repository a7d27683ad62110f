'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import { swrOptions, withQuery } from './options';
import type { BucketsResponse } from './types';

// GET /api/v1/targets/{id}/buckets?from&to — checks and uptime per bucket, for the status bar.
export function useTargetBuckets(id: number, range: TimeRange, refreshMs: number = REFRESH_INTERVAL_MS) {
  const key = withQuery(`/api/v1/targets/${id}/buckets`, { from: range.from, to: range.to });
  return useSWR<BucketsResponse>(key, swrOptions(refreshMs));
}
