'use client';
import useSWR from 'swr';
import { swrOptions } from './options';
import type { ProviderHealthResponse } from './types';

// GET /api/v1/providers/health — each provider's state over the last window of traffic.
export function useProviderHealth(refreshMs: number) {
  const res = useSWR<ProviderHealthResponse>('/api/v1/providers/health', swrOptions(refreshMs));
  return { ...res, health: res.data };
}
