'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import type { AlertHistoryEntry, AlertPeriod } from './alert-types';
import { swrOptions, withQuery } from './options';

export type { AlertHistoryEntry, AlertPeriod };

// GET /api/v1/alerts/history?from&to — pending and firing periods per alert, for the timeline and chart bands.
export function useAlertHistory(range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/alerts/history', { from: range.from, to: range.to });
  const res = useSWR<{ data: AlertHistoryEntry[] }>(key, swrOptions(refreshMs));
  return { ...res, history: res.data?.data };
}
