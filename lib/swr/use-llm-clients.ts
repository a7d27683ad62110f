'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import type { ClientRow } from './llm-types';
import { swrOptions, withQuery } from './options';

// GET /api/v1/llm/clients?from&to — top clients by cost, then tokens.
export function useLlmClients(range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/llm/clients', { from: range.from, to: range.to });
  const res = useSWR<{ data: ClientRow[] }>(key, swrOptions(refreshMs));
  return { ...res, clients: res.data?.data };
}
