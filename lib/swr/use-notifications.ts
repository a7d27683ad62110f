'use client';
import useSWR from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import type { Notification } from './alert-types';
import { swrOptions, withQuery } from './options';

// GET /api/v1/notifications?from&limit — the notification log, newest first.
export function useNotifications(refreshMs: number = REFRESH_INTERVAL_MS, from = 'now-24h', limit = 100) {
  const key = withQuery('/api/v1/notifications', { from, limit });
  const res = useSWR<{ data: Notification[] }>(key, swrOptions(refreshMs));
  return { ...res, notifications: res.data?.data };
}
