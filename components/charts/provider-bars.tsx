'use client';
import { formatCount } from '@/lib/format/number';
import type { ProviderStats } from '@/lib/swr/types';
import { Chart, type ChartSeries } from './chart';
import type { ChartRow } from './rows';

const COUNTS: ChartSeries[] = [
  { key: 'requests', label: 'Requests', color: 'var(--chart-1)' },
  { key: 'errors', label: 'Errors', color: 'var(--down)' },
  { key: 'rate_limited', label: '429s', color: 'var(--pending)' },
];
const TOKENS: ChartSeries[] = [
  { key: 'input_tokens', label: 'Tokens in', color: 'var(--chart-3)' },
  { key: 'output_tokens', label: 'Tokens out', color: 'var(--chart-5)' },
];

/** Usage per provider: requests, errors and 429s; or tokens in and out (their scale differs by orders). */
export function ProviderBars({
  data,
  metric,
  height = 220,
  onSelect,
  textSize,
}: {
  data: ProviderStats[];
  metric: 'requests' | 'tokens';
  height?: number | '100%';
  onSelect?: (provider: string) => void;
  textSize?: number;
}) {
  const categories = data.map((p) => p.provider || 'unknown');
  const rows: ChartRow[] = data.map((p, i) => ({
    t: i,
    requests: p.requests,
    errors: p.errors,
    rate_limited: p.rate_limited,
    input_tokens: p.input_tokens,
    output_tokens: p.output_tokens,
  }));
  return (
    <Chart
      label={metric === 'tokens' ? 'Tokens per provider' : 'Requests, errors and 429s per provider'}
      kind="bar"
      axes
      stacked={metric === 'tokens'}
      rows={rows}
      series={metric === 'tokens' ? TOKENS : COUNTS}
      categories={categories}
      height={height}
      formatValue={formatCount}
      emptyText="No provider traffic in this range"
      onSelect={onSelect ? (row) => onSelect(categories[row.t] ?? '') : undefined}
      textSize={textSize}
    />
  );
}
