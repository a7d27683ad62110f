'use client';
import useSWRInfinite from 'swr/infinite';
import type { TimeRange } from '@/lib/time/range';
import { swrOptions, withQuery } from './options';
import type { LogPage } from './types';

export interface LogQuery {
  q?: string;
  source?: string;
  level?: string;
}

export const LOG_PAGE_SIZE = 100;

// GET /api/v1/logs?from&to&q&source&level&limit&cursor — pages chained by next_cursor, newest first.
export function useLogs(range: TimeRange, query: LogQuery, refreshMs: number) {
  const res = useSWRInfinite<LogPage>(
    (index, previous: LogPage | null) => {
      if (previous && !previous.next_cursor) return null;
      const cursor = index === 0 ? undefined : (previous?.next_cursor ?? undefined);
      return withQuery('/api/v1/logs', { from: range.from, to: range.to, ...query, limit: LOG_PAGE_SIZE, cursor });
    },
    // Live tail refreshes the newest page only; older pages do not change.
    { ...swrOptions(refreshMs), revalidateAll: false, revalidateFirstPage: true, keepPreviousData: false },
  );
  const pages = res.data ?? [];
  const lines = pages.flatMap((p) => p.data);
  const hasMore = pages.length > 0 && pages[pages.length - 1].next_cursor !== null;
  return { ...res, lines, hasMore, loadingMore: res.isValidating && res.size > pages.length };
}
