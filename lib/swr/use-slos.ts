'use client';
import useSWR from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import { swrOptions } from './options';
import type { Slo } from './slo-types';

// GET /api/v1/slos
export function useSlos(refreshMs: number = REFRESH_INTERVAL_MS) {
  const res = useSWR<{ data: Slo[] }>('/api/v1/slos', swrOptions(refreshMs));
  return { ...res, slos: res.data?.data };
}
