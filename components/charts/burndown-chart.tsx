'use client';
import { Chart, type ChartSeries } from './chart';
import type { ChartRow } from './rows';

const SERIES: ChartSeries[] = [{ key: 'remaining', label: 'Budget left', color: 'var(--chart-1)' }];

/** Remaining error budget (percent) through the SLO's window. */
export function BurndownChart({
  points,
  domain,
  height,
}: {
  points: [number, number][];
  domain: [number, number];
  height?: number | '100%';
}) {
  const rows: ChartRow[] = points.map(([t, v]) => ({ t, remaining: v }));
  return (
    <Chart
      label="Error budget left through the window"
      rows={rows}
      series={SERIES}
      kind="area"
      domain={domain}
      height={height}
      formatValue={(v) => `${v.toFixed(1)} %`}
      emptyText="No events in this window yet"
    />
  );
}
