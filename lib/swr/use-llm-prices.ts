'use client';
import useSWR from 'swr';
import type { LlmPrice } from './llm-types';
import { swrOptions } from './options';

// GET /api/v1/llm/prices — the price table in force.
export function useLlmPrices() {
  const res = useSWR<{ currency: 'USD'; data: LlmPrice[] }>('/api/v1/llm/prices', swrOptions(0));
  return { ...res, prices: res.data?.data };
}
