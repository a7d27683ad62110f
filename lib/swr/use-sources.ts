'use client';
import useSWR from 'swr';
import { swrOptions } from './options';
import type { LogSource } from './types';

// GET /api/v1/sources — log sources with line counts, for "nothing configured / nothing yet" states.
export function useSources(refreshMs: number) {
  const res = useSWR<{ data: LogSource[] }>('/api/v1/sources', swrOptions(refreshMs));
  return { ...res, sources: res.data?.data };
}
