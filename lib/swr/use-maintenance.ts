'use client';
import useSWR from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import type { MaintenanceState, MaintenanceWindow } from './maintenance-types';
import { swrOptions, withQuery } from './options';

// GET /api/v1/maintenance?state
export function useMaintenance(refreshMs: number = REFRESH_INTERVAL_MS, state?: MaintenanceState) {
  const res = useSWR<{ data: MaintenanceWindow[] }>(withQuery('/api/v1/maintenance', { state }), swrOptions(refreshMs));
  return { ...res, windows: res.data?.data };
}
