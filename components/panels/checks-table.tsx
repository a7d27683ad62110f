'use client';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { StatusPill } from '@/components/ui/status-pill';
import { formatMs } from '@/lib/format/number';
import { useTargetChecks } from '@/lib/swr/use-target-checks';
import type { TimeRange } from '@/lib/time/range';
import { DataTable } from './data-table';

const LIMIT = 50;

export function ChecksTable({ id, range, refreshMs }: { id: number; range: TimeRange; refreshMs: number }) {
  const { checks, error } = useTargetChecks(id, range, LIMIT, refreshMs);
  return (
    <Card title="Recent checks" actions={<span className="text-xs text-muted">latest {LIMIT}</span>}>
      {checks ? (
        <DataTable
          caption="Recent checks, newest first"
          columns={['Time', 'Result', 'Status', 'Latency', 'Reason']}
          empty="No checks in this range yet."
          rows={checks.map((c) => ({
            key: c.ts,
            cells: [
              <LocalTime key="t" ts={c.ts} />,
              <StatusPill key="u" status={c.up ? 'up' : 'down'} />,
              c.status_code ?? '—',
              formatMs(c.latency_ms),
              <span key="r" className="break-words text-muted">
                {c.error ?? ''}
              </span>,
            ],
          }))}
        />
      ) : error ? (
        <Notice tone="error">Could not load checks: {error.message}</Notice>
      ) : (
        <LoadingBlock label="Loading checks" className="h-40" />
      )}
    </Card>
  );
}
