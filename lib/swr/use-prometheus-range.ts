'use client';
import useSWR from 'swr';
import { swrOptions, withQuery } from './options';
import type { PromQueryData } from './types';

// GET /prometheus/api/v1/query_range?query&start&end&step — the Explore page's graph; null `expr` asks nothing.
export function usePrometheusRange(
  expr: string | null,
  startMs: number,
  endMs: number,
  stepS: number,
  refreshMs: number,
) {
  const key = expr
    ? withQuery('/prometheus/api/v1/query_range', {
        query: expr,
        start: startMs / 1000,
        end: endMs / 1000,
        step: stepS,
      })
    : null;
  const res = useSWR<{ data: PromQueryData }>(key, swrOptions(refreshMs));
  return { ...res, result: res.data?.data };
}
