'use client';
import { Chart, type ChartSeries } from '@/components/charts/chart';
import type { ChartRow } from '@/components/charts/rows';
import { SERIES_COLORS } from '@/lib/format/palette';
import { type ExploreSeries, formatSeries } from './explore-rows';

const MAX_LINES = 20;

/** The expression's series as lines over the chosen window; past 20 series only the first 20 are drawn. */
export function ExploreChart({
  rows,
  series,
  domain,
}: {
  rows: ChartRow[];
  series: ExploreSeries[];
  domain: [number, number];
}) {
  const lines: ChartSeries[] = series.slice(0, MAX_LINES).map((s, i) => ({
    key: s.key,
    label: formatSeries(s.labels),
    color: `var(${SERIES_COLORS[i % SERIES_COLORS.length]})`,
  }));
  return (
    <Chart
      label="Expression over time"
      kind="line"
      rows={rows}
      series={lines}
      domain={domain}
      height={280}
      formatValue={(v) => String(Number(v.toPrecision(6)))}
      emptyText="No data points in this range"
    />
  );
}
