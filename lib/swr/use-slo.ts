'use client';
import useSWR from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import { swrOptions } from './options';
import type { Slo } from './slo-types';

// GET /api/v1/slos/{id}
export function useSlo(id: number, refreshMs: number = REFRESH_INTERVAL_MS, fallback?: Slo) {
  const res = useSWR<{ data: Slo }>(`/api/v1/slos/${id}`, {
    ...swrOptions(refreshMs),
    ...(fallback ? { fallbackData: { data: fallback } } : {}),
  });
  return { ...res, slo: res.data?.data };
}
