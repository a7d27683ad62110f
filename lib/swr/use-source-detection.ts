'use client';
import useSWR from 'swr';
import type { SourceDetection } from './log-detail-types';
import { swrOptions } from './options';

// GET /api/v1/sources/{id}/detection — what detection made of the source's latest lines.
export function useSourceDetection(id: number, refreshMs: number) {
  const res = useSWR<{ data: SourceDetection }>(`/api/v1/sources/${id}/detection`, swrOptions(refreshMs));
  return { ...res, detection: res.data?.data };
}
