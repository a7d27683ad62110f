'use client';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { formatElapsed } from '@/lib/format/time';
import { useTargetIncidents } from '@/lib/swr/use-target-incidents';
import type { TimeRange } from '@/lib/time/range';
import { DataTable } from './data-table';

export function IncidentsTable({ id, range, refreshMs }: { id: number; range: TimeRange; refreshMs: number }) {
  const { incidents, error } = useTargetIncidents(id, range, refreshMs);
  return (
    <Card title="Incidents">
      {incidents ? (
        <DataTable
          caption="Incidents in the range, newest first"
          columns={['Start', 'End', 'Duration', 'Reason']}
          empty="No incidents in this range."
          rows={incidents.map((inc) => ({
            key: inc.start,
            cells: [
              <LocalTime key="s" ts={inc.start} />,
              inc.end ? (
                <LocalTime key="e" ts={inc.end} />
              ) : (
                <span key="e" className="font-medium text-down">
                  ongoing
                </span>
              ),
              formatElapsed(inc.duration_s),
              <span key="r" className="break-words">
                {inc.reason}
                {inc.maintenance && (
                  <span
                    className="ml-2 rounded-full bg-pending-soft px-2 text-xs text-pending"
                    title="Opened in a maintenance window: left out of uptime"
                  >
                    maintenance
                  </span>
                )}
              </span>,
            ],
          }))}
        />
      ) : error ? (
        <Notice tone="error">Could not load incidents: {error.message}</Notice>
      ) : (
        <LoadingBlock label="Loading incidents" className="h-24" />
      )}
    </Card>
  );
}
