'use client';
import { useEffect, useState } from 'react';
import useSWR from 'swr';
import type { TimeRange } from '@/lib/time/range';
import { fetchJson } from './fetcher';
import { swrOptions, withQuery } from './options';
import type { LogHistogram } from './types';
import type { LogQuery } from './use-logs';

const PATH = '/api/v1/logs/histogram';

/**
 * GET /api/v1/logs/histogram?from&to&q&source&level — matching lines per step. An answer cut at the
 * server's time budget (`partial`) is shown at once, and the older steps are then asked for, newest
 * first, and filled in as they come (docs/api.md#logs-histogram).
 */
export function useLogsHistogram(range: TimeRange, query: LogQuery, refreshMs: number) {
  const key = withQuery(PATH, { from: range.from, to: range.to, ...query });
  const first = useSWR<LogHistogram>(key, swrOptions(refreshMs));
  const [filled, setFilled] = useState<{ of: LogHistogram; data: LogHistogram } | null>(null);
  const head = first.data;
  useEffect(() => {
    if (!head?.partial || head.counted_from === null) return;
    let cancelled = false;
    void (async () => {
      let data = head;
      while (!cancelled && data.partial && data.counted_from !== null) {
        const params = new URLSearchParams(key.split('?')[1] ?? '');
        params.set('to', String(data.counted_from - 1));
        params.set('step', String(data.step_ms));
        const older = await fetchJson<LogHistogram>(`${PATH}?${params}`);
        const counts = new Map(older.points);
        const before = data.counted_from;
        data = {
          ...data,
          points: data.points.map(([t, n]): [number, number] => [t, t < before ? (counts.get(t) ?? n) : n]),
          partial: older.partial,
          counted_from: older.counted_from,
        };
        if (!cancelled) setFilled({ of: head, data });
      }
    })().catch(() => {
      // The first answer stays on screen, marked partial; the next refresh tries again.
    });
    return () => {
      cancelled = true;
    };
  }, [head, key]);
  return { ...first, data: filled && filled.of === head ? filled.data : head };
}
