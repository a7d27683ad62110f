'use client';
import { formatMs } from '@/lib/format/number';
import type { ProviderStats } from '@/lib/swr/types';
import { Chart, type ChartSeries } from './chart';
import type { ChartRow } from './rows';

const SERIES: ChartSeries[] = [
  { key: 'p50', label: 'p50', color: 'var(--chart-1)' },
  { key: 'p95', label: 'p95', color: 'var(--chart-2)' },
];

export function ProviderLatencyBars({ data, height = 220 }: { data: ProviderStats[]; height?: number | '100%' }) {
  const categories = data.map((p) => p.provider || 'unknown');
  const rows: ChartRow[] = data.map((p, i) => ({ t: i, p50: p.p50_ms, p95: p.p95_ms }));
  return (
    <Chart
      label="Latency p50 and p95 per provider"
      kind="bar"
      axes
      rows={rows}
      series={SERIES}
      categories={categories}
      height={height}
      formatValue={formatMs}
      emptyText="No provider traffic in this range"
    />
  );
}
