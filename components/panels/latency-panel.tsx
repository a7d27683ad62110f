'use client';
import { firingBands } from '@/components/charts/firing-bands';
import { LatencyChart } from '@/components/charts/latency-chart';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { formatMs } from '@/lib/format/number';
import { useAlertHistory } from '@/lib/swr/use-alert-history';
import { useTargetLatency } from '@/lib/swr/use-target-latency';
import { resolveRange, type TimeRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';

export function LatencyPanel({ id, range, refreshMs }: { id: number; range: TimeRange; refreshMs: number }) {
  const { data, error } = useTargetLatency(id, range, refreshMs);
  const now = useNow();
  const { from, to } = resolveRange(range, now || Date.now());
  const { history } = useAlertHistory(range, refreshMs);
  return (
    <Card title="Latency" actions={data && <span className="text-xs text-muted">per {formatMs(data.step_ms)}</span>}>
      {data ? (
        <LatencyChart data={data} domain={[from, to]} bands={firingBands(history, from, to, now || Date.now())} />
      ) : error ? (
        <Notice tone="error">Could not load latency: {error.message}</Notice>
      ) : (
        <LoadingBlock label="Loading latency" className="h-60" />
      )}
    </Card>
  );
}
