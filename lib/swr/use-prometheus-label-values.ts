'use client';
import useSWR from 'swr';
import { swrOptions } from './options';

// GET /prometheus/api/v1/label/{name}/values — e.g. the metric names the Explore page offers.
export function usePrometheusLabelValues(name: string) {
  const res = useSWR<{ data: string[] }>(`/prometheus/api/v1/label/${encodeURIComponent(name)}/values`, swrOptions(0));
  return { ...res, values: res.data?.data };
}
