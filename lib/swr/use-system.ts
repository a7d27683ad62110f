'use client';
import useSWR from 'swr';
// biome-ignore lint/style/noRestrictedImports: a type only (the query's return type), erased from the browser bundle
import type { SystemSnapshot } from '@/lib/queries/get-system-snapshot';
import { swrOptions } from './options';

export type { SystemSnapshot };

// GET /api/v1/system — Lookout's own health, the watched processes, the host and the tailed log files, now.
export function useSystem(refreshMs: number) {
  const res = useSWR<SystemSnapshot>('/api/v1/system', swrOptions(refreshMs));
  return { ...res, system: res.data };
}
