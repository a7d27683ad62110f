'use client';
import useSWR from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import { swrOptions } from './options';
import type { Target } from './types';

// GET /api/v1/targets/{id}; `initial` is what the server page already read.
export function useTarget(id: number, refreshMs: number = REFRESH_INTERVAL_MS, initial?: Target) {
  const res = useSWR<{ data: Target }>(`/api/v1/targets/${id}`, {
    ...swrOptions(refreshMs),
    fallbackData: initial ? { data: initial } : undefined,
  });
  return { ...res, target: res.data?.data };
}
