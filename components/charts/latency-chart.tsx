'use client';
import { formatMs } from '@/lib/format/number';
import type { SeriesResponse } from '@/lib/swr/types';
import { Chart, type ChartSeries } from './chart';
import type { ChartBand } from './firing-bands';
import { seriesToRows } from './rows';

const SERIES: ChartSeries[] = [
  { key: 'p50', label: 'p50', color: 'var(--chart-1)' },
  { key: 'p95', label: 'p95', color: 'var(--chart-2)' },
];

export function LatencyChart({
  data,
  domain,
  bands,
}: {
  data: SeriesResponse;
  domain: [number, number];
  bands?: ChartBand[];
}) {
  return (
    <Chart
      label="Latency p50 and p95"
      rows={seriesToRows(data.series)}
      series={SERIES}
      domain={domain}
      formatValue={formatMs}
      emptyText="No checks in this range"
      bands={bands}
    />
  );
}
