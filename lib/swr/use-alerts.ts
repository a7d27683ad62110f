'use client';
import useSWR from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import type { Alert } from './alert-types';
import { swrOptions } from './options';

// GET /api/v1/alerts — pending and firing alerts, firing first.
export function useAlerts(refreshMs: number = REFRESH_INTERVAL_MS) {
  const res = useSWR<{ data: Alert[] }>('/api/v1/alerts', swrOptions(refreshMs));
  return { ...res, alerts: res.data?.data };
}
