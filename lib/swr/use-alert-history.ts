'use client';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import type { Labels } from './alert-types';
import { swrOptions, withQuery } from './options';

export interface AlertPeriod {
  state: 'pending' | 'firing';
  start: string;
  /** null while the alert is still in this state. */
  end: string | null;
  value: number | null;
}

export interface AlertHistoryEntry {
  name: string;
  labels: Labels;
  periods: AlertPeriod[];
}

// GET /api/v1/alerts/history?from&to — pending and firing periods per alert, for the timeline and chart bands.
export function useAlertHistory(range: TimeRange, refreshMs: number) {
  const key = withQuery('/api/v1/alerts/history', { from: range.from, to: range.to });
  const res = useSWR<{ data: AlertHistoryEntry[] }>(key, swrOptions(refreshMs));
  return { ...res, history: res.data?.data };
}
