'use client';
import useSWR from 'swr';
import type { LlmBudget } from './llm-types';
import { swrOptions } from './options';

// GET /api/v1/llm/budgets — budgets with spend, remaining and forecast.
export function useLlmBudgets(refreshMs: number) {
  const res = useSWR<{ data: LlmBudget[] }>('/api/v1/llm/budgets', swrOptions(refreshMs));
  return { ...res, budgets: res.data?.data };
}
