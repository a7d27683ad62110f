'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import type { CostAnswer, CostGroup } from './llm-types';
import { swrOptions, withQuery } from './options';

// GET /api/v1/llm/cost?from&to&by — cost and tokens per provider, model, client, user or day.
export function useLlmCost(range: TimeRange, by: CostGroup, refreshMs: number) {
  const key = withQuery('/api/v1/llm/cost', { from: range.from, to: range.to, by });
  const res = useSWR<CostAnswer>(key, swrOptions(refreshMs));
  return { ...res, cost: res.data };
}
