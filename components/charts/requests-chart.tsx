'use client';
import { formatCount } from '@/lib/format/number';
import { SERIES_COLORS, seriesColor, statusColor } from '@/lib/format/palette';
import type { RequestGroup, SeriesResponse } from '@/lib/swr/types';
import { Chart, type ChartSeries } from './chart';
import type { ChartBand } from './firing-bands';
import { type ChartRow, seriesToRows } from './rows';

interface Props {
  data: SeriesResponse;
  by: RequestGroup;
  domain: [number, number];
  height?: number | '100%';
  onSelect?: (row: ChartRow, key?: string) => void;
  hrefFor?: (key: string) => string;
  textSize?: number;
  bands?: ChartBand[];
}

/** Request volume over time, stacked by provider (or model, status, source). */
export function RequestsChart({ data, by, domain, height = 240, onSelect, hrefFor, textSize, bands }: Props) {
  const keys = data.series.map((s) => s.key).sort();
  // Providers keep one colour everywhere; models and sources are too many to fix, so they take the palette in order.
  const colorOf = (key: string, i: number) =>
    by === 'status'
      ? statusColor(key)
      : by === 'provider'
        ? seriesColor(key)
        : `var(${SERIES_COLORS[i % SERIES_COLORS.length]})`;
  const series: ChartSeries[] = keys.map((key, i) => ({
    key,
    label: by === 'none' ? 'Requests' : key || 'unknown',
    color: colorOf(key, i),
    href: hrefFor?.(key),
  }));
  return (
    <Chart
      label={`Requests per ${Math.round(data.step_ms / 1000)} s${by === 'none' ? '' : ` by ${by}`}`}
      kind="area"
      stacked
      rows={seriesToRows(data.series)}
      series={series}
      domain={domain}
      height={height}
      formatValue={formatCount}
      emptyText="No requests in this range"
      onSelect={onSelect}
      textSize={textSize}
      bands={bands}
    />
  );
}
