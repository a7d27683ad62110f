'use client';
import type { SeriesResponse } from '@/lib/swr/types';
import { Chart, type ChartSeries } from './chart';
import { seriesToRows } from './rows';

const COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'];

export function GaugesChart({ data, domain }: { data: SeriesResponse; domain: [number, number] }) {
  const series: ChartSeries[] = data.series.map((s, i) => ({
    key: s.key,
    label: s.key,
    color: COLORS[i % COLORS.length],
  }));
  const format = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
  return (
    <Chart
      label="Numeric fields of the health answer"
      rows={seriesToRows(data.series)}
      series={series}
      domain={domain}
      formatValue={format}
      emptyText="The answers in this range carry no numeric JSON fields"
    />
  );
}
