'use client';
import { GaugesChart } from '@/components/charts/gauges-chart';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useTargetGauges } from '@/lib/swr/use-target-gauges';
import { resolveRange, type TimeRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';

/** Numeric fields of the JSON body (e.g. providers.healthy), the same values alert rules see as health_* series. */
export function GaugesPanel({ id, range, refreshMs }: { id: number; range: TimeRange; refreshMs: number }) {
  const { data, error } = useTargetGauges(id, range, refreshMs);
  const now = useNow();
  const { from, to } = resolveRange(range, now || Date.now());
  if (data && data.series.length === 0) return null;
  return (
    <Card
      title="Body fields"
      actions={data?.truncated && <span className="text-xs text-muted">latest 2,000 checks</span>}
    >
      {data ? (
        <GaugesChart data={data} domain={[from, to]} />
      ) : error ? (
        <Notice tone="error">Could not load the body fields: {error.message}</Notice>
      ) : (
        <LoadingBlock label="Loading body fields" className="h-60" />
      )}
    </Card>
  );
}
