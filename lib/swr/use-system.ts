'use client';
import useSWR from 'swr';
import { swrOptions } from './options';
import type { SystemSnapshot } from './types';

export type { SystemSnapshot };

// GET /api/v1/system — Lookout's own health, the watched processes, the host and the tailed log files, now.
export function useSystem(refreshMs: number) {
  const res = useSWR<SystemSnapshot>('/api/v1/system', swrOptions(refreshMs));
  return { ...res, system: res.data };
}
