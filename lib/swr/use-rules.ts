'use client';
import useSWR from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import type { RuleGroup } from './alert-types';
import { swrOptions } from './options';

// GET /api/v1/rules — rule groups with each rule's state and health.
export function useRules(refreshMs: number = REFRESH_INTERVAL_MS) {
  const res = useSWR<{ groups: RuleGroup[] }>('/api/v1/rules', swrOptions(refreshMs));
  return { ...res, groups: res.data?.groups };
}
