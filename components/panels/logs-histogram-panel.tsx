'use client';
import { Chart } from '@/components/charts/chart';
import { formatCount } from '@/lib/format/number';
import { formatLocal } from '@/lib/format/time';
import { ApiFailure } from '@/lib/swr/fetcher';
import type { LogQuery } from '@/lib/swr/use-logs';
import { useLogsHistogram } from '@/lib/swr/use-logs-histogram';
import { absoluteRange, type TimeRange } from '@/lib/time/range';
import { PanelBody } from './panel-body';

const SERIES = [{ key: 'lines', label: 'Lines', color: 'var(--chart-1)' }];

/** Matching lines over time; a click on a bar narrows the range to it. */
export function LogsHistogramPanel({
  range,
  query,
  refreshMs,
  onZoom,
}: {
  range: TimeRange;
  query: LogQuery;
  refreshMs: number;
  onZoom: (r: TimeRange) => void;
}) {
  const { data, error } = useLogsHistogram(range, query, refreshMs);
  // A bad query is reported under the query bar; here it would only repeat.
  if (error instanceof ApiFailure && error.status === 400) return <div className="h-24" aria-hidden="true" />;
  return (
    <PanelBody data={data} error={error} what="the histogram" skeleton="h-24">
      {(d) => (
        <>
          {d.partial && d.counted_from !== null && (
            <p className="mb-1 text-muted text-xs" role="status" data-testid="histogram-partial">
              Counted back to {formatLocal(d.counted_from)} so far; counting older lines…
            </p>
          )}
          <Chart
            label="Matching lines over time"
            kind="bar"
            axes
            rows={d.points.map(([t, v]) => ({ t, lines: v }))}
            series={SERIES}
            height={110}
            formatValue={formatCount}
            emptyText="No matching lines in this range"
            onSelect={(row) => onZoom(absoluteRange(row.t, row.t + d.step_ms))}
          />
        </>
      )}
    </PanelBody>
  );
}
