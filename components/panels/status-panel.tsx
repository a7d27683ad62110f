'use client';
import { StatusBar } from '@/components/charts/status-bar';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { formatMs } from '@/lib/format/number';
import { useTargetBuckets } from '@/lib/swr/use-target-buckets';
import type { TimeRange } from '@/lib/time/range';

const LEGEND = [
  ['var(--up)', 'all up'],
  ['var(--pending)', 'some failed'],
  ['var(--down)', 'mostly down'],
  ['var(--idle)', 'no checks'],
] as const;

export function StatusPanel({ id, range, refreshMs }: { id: number; range: TimeRange; refreshMs: number }) {
  const { data, error } = useTargetBuckets(id, range, refreshMs);
  return (
    <Card
      title="Status"
      actions={data && <span className="text-xs text-muted">one bar per {formatMs(data.step_ms)}</span>}
    >
      {data ? (
        <StatusBar buckets={data.data} />
      ) : error ? (
        <Notice tone="error">Could not load the status bar: {error.message}</Notice>
      ) : (
        <LoadingBlock label="Loading status" className="h-10" />
      )}
      <ul className="mt-2 flex flex-wrap gap-3 text-xs text-muted">
        {LEGEND.map(([color, label]) => (
          <li key={label} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="h-2.5 w-2.5 rounded-sm" style={{ background: color }} />
            {label}
          </li>
        ))}
      </ul>
    </Card>
  );
}
