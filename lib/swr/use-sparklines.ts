'use client';
import useSWR from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import { swrOptions, withQuery } from './options';
import type { Point } from './types';

// GET /api/v1/targets/sparklines?from&to — per-minute latency of every target (last hour by default).
export function useSparklines(refreshMs: number = REFRESH_INTERVAL_MS, from = 'now-1h', to = 'now') {
  const key = withQuery('/api/v1/targets/sparklines', { from, to });
  const res = useSWR<{ data: Record<string, Point[]> }>(key, swrOptions(refreshMs));
  return { ...res, sparklines: res.data?.data };
}
