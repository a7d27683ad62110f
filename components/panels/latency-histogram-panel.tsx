'use client';
import { LatencyHistogram } from '@/components/charts/latency-histogram';
import { Card } from '@/components/ui/card';
import { formatMs } from '@/lib/format/number';
import { useStatsLatency } from '@/lib/swr/use-stats-latency';
import type { TimeRange } from '@/lib/time/range';
import { PanelBody } from './panel-body';

export function LatencyHistogramPanel({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const { data, error } = useStatsLatency(range, refreshMs);
  return (
    <Card
      title="Response times"
      actions={
        data && (
          <span className="tabular text-xs text-muted">
            p50 {formatMs(data.p50)} · p95 {formatMs(data.p95)} · p99 {formatMs(data.p99)}
          </span>
        )
      }
    >
      <PanelBody data={data} error={error} what="response times" skeleton="h-52">
        {(d) => <LatencyHistogram data={d} />}
      </PanelBody>
    </Card>
  );
}
