'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { LatencyHistogram } from './types';

// GET /api/v1/stats/latency?from&to — request latency histogram with p50/p95/p99.
export function useStatsLatency(range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/stats/latency', { from: range.from, to: range.to });
  return useSWR<LatencyHistogram>(key, swrOptions(refreshMs));
}
