'use client';
import { formatMs } from '@/lib/format/number';
import type { Point } from '@/lib/swr/types';
import { Chart, type ChartSeries } from './chart';
import { seriesToRows } from './rows';

const SERIES: ChartSeries[] = [{ key: 'latency', label: 'Latency', color: 'var(--chart-1)' }];

export function Sparkline({ points, label }: { points: Point[]; label: string }) {
  return (
    <Chart
      label={label}
      rows={seriesToRows([{ key: 'latency', points }])}
      series={SERIES}
      height={36}
      minimal
      formatValue={formatMs}
    />
  );
}
