'use client';
import { RangePicker } from '@/components/panels/range-picker';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useAlertHistory } from '@/lib/swr/use-alert-history';
import { resolveRange, type TimeRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';
import { HistoryTimeline } from './history-timeline';

/** When each alert was pending or firing over the page's range (`from`/`to` in the URL). */
export function HistorySection({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const { history, error } = useAlertHistory(range, refreshMs);
  // Times are drawn in the browser's zone, so only after mount (useNow is 0 until then).
  const now = useNow();
  const { from, to } = resolveRange(range, now || Date.now());
  return (
    <Card title="History" actions={<RangePicker range={range} refresh={false} />}>
      {error && <Notice tone="error">Could not load the alert history: {error.message}</Notice>}
      {history === undefined || now === 0 ? (
        !error && <LoadingBlock label="Loading the alert history" className="h-24" />
      ) : history.length === 0 ? (
        <EmptyState title="No alert was pending or firing in this range" />
      ) : (
        <HistoryTimeline history={history} from={from} to={to} now={now} />
      )}
    </Card>
  );
}
