'use client';
import { useSearchParams } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { ApiFailure } from '@/lib/swr/fetcher';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { type LogQuery, useLogs } from '@/lib/swr/use-logs';
import { useSources } from '@/lib/swr/use-sources';
import { rangeFromParams, type TimeRange } from '@/lib/time/range';
import { parseRefresh } from '@/lib/time/refresh';
import { useSetParams } from '@/lib/time/use-set-params';
import { LogsHistogramPanel } from './logs-histogram-panel';
import { LogsTable } from './logs-table';
import { QueryBar } from './query-bar';
import { RangePicker } from './range-picker';

const LIVE_MS = 2_000;

/** Kibana Discover for Lookout: every piece of state (q, source, level, range, live) is in the URL. */
export function LogsView() {
  const params = useSearchParams();
  const setParams = useSetParams();
  const live = params.get('live') === '1';
  const picked = rangeFromParams(params.get('from'), params.get('to'), '1h');
  // Live tail follows now; an absolute window cannot grow, so it becomes the last 15 minutes.
  const range: TimeRange = live
    ? { from: picked.from.startsWith('now-') ? picked.from : 'now-15m', to: 'now' }
    : picked;
  const query: LogQuery = {
    q: params.get('q') ?? '',
    source: params.get('source') ?? '',
    level: params.get('level') ?? '',
  };
  const refreshMs = live
    ? Math.min(LIVE_MS, parseRefresh(params.get('refresh')) || LIVE_MS)
    : params.get('refresh')
      ? parseRefresh(params.get('refresh'))
      : 0;
  const { sources } = useSources(0);
  const logs = useLogs(range, query, refreshMs);
  useAuthRedirect(logs.error);
  const badQuery = logs.error instanceof ApiFailure && logs.error.status === 400 ? logs.error.message : null;
  const toggleLive = () => setParams(live ? { live: null } : { live: '1', from: range.from, to: 'now' });
  return (
    <div className="space-y-3">
      <QueryBar
        key={`${query.q}`}
        q={query.q ?? ''}
        source={query.source ?? ''}
        level={query.level ?? ''}
        sources={sources}
        error={badQuery}
        onSubmit={(next) => setParams(next, { push: true })}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RangePicker range={range} refresh={false} />
        <button
          type="button"
          aria-pressed={live}
          onClick={toggleLive}
          data-testid="live-toggle"
          className={`inline-flex items-center gap-2 rounded-md border px-3 py-1 text-xs font-semibold ${live ? 'border-up bg-up-soft text-up' : 'border-line bg-surface text-fg hover:bg-surface-2'}`}
        >
          <span aria-hidden="true" className={`h-2 w-2 rounded-full ${live ? 'animate-pulse bg-up' : 'bg-idle'}`} />
          {live ? 'Live tail on' : 'Live tail'}
        </button>
      </div>
      {sources && sources.length === 0 ? (
        <EmptyState title="No log source configured">
          Add a <code className="font-mono">logs:</code> entry to lookout.yml (a file to tail), or send lines with{' '}
          <code className="font-mono">POST /api/v1/logs?source=NAME</code>.
        </EmptyState>
      ) : (
        <Card>
          <LogsHistogramPanel
            range={range}
            query={query}
            refreshMs={refreshMs}
            onZoom={(r) => setParams({ ...r, live: null }, { push: true })}
          />
          <div className="mt-3">
            {logs.data ? (
              logs.lines.length === 0 ? (
                <p className="py-6 text-center text-sm text-muted">
                  No lines match{query.q ? ` “${query.q}”` : ''} in this range. Widen the range or loosen the query.
                </p>
              ) : (
                <LogsTable
                  lines={logs.lines}
                  hasMore={logs.hasMore}
                  loadingMore={logs.loadingMore}
                  onMore={() => logs.setSize(logs.size + 1)}
                />
              )
            ) : logs.error && !badQuery ? (
              <Notice tone="error">Could not load log lines: {logs.error.message}</Notice>
            ) : badQuery ? null : (
              <LoadingBlock label="Loading log lines" className="h-64" />
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
