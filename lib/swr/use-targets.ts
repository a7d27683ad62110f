'use client';
import useSWR from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import { swrOptions } from './options';
import type { Target } from './types';

// GET /api/v1/targets
export function useTargets(refreshMs: number = REFRESH_INTERVAL_MS) {
  const res = useSWR<{ data: Target[] }>('/api/v1/targets', swrOptions(refreshMs));
  return { ...res, targets: res.data?.data };
}
