'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import type { UnknownAnswer } from './llm-types';
import { swrOptions, withQuery } from './options';

// GET /api/v1/llm/unknown?from&to — models without a price and refused token counts.
export function useLlmUnknown(range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/llm/unknown', { from: range.from, to: range.to });
  const res = useSWR<UnknownAnswer>(key, swrOptions(refreshMs));
  return { ...res, unknown: res.data };
}
