'use client';
import { formatCount } from '@/lib/format/number';
import { levelColor, seriesColor, statusColor } from '@/lib/format/palette';
import type { ErrorGroup, KeyCount } from '@/lib/swr/types';
import { Chart } from './chart';
import type { ChartRow } from './rows';

const SERIES = [{ key: 'count', label: 'Count', color: 'var(--down)' }];

/** Failed requests (or problem lines, by level) as slices of a ring. */
export function ErrorsPie({
  data,
  by,
  height = 200,
  onSelect,
  label,
  emptyText,
  textSize,
}: {
  data: KeyCount[];
  by: ErrorGroup;
  height?: number | '100%';
  onSelect?: (key: string) => void;
  /** Reused for any count per key (the providers page's share of traffic). */
  label?: string;
  emptyText?: string;
  textSize?: number;
}) {
  const categories = data.map((d) => d.key);
  const rows: ChartRow[] = data.map((d, i) => ({ t: i, count: d.count }));
  // Two 5xx codes share red; shades keep their slices apart.
  const shade = (row: ChartRow, base: string) => {
    const same = categories.slice(0, row.t).filter((k) => statusColor(k) === base).length;
    return same === 0 ? base : `color-mix(in srgb, ${base} ${Math.max(35, 100 - same * 25)}%, var(--surface))`;
  };
  const color = (row: ChartRow) => {
    const key = categories[row.t] ?? '';
    return by === 'status' ? shade(row, statusColor(key)) : by === 'level' ? levelColor(key) : seriesColor(key);
  };
  return (
    <Chart
      label={label ?? `Errors by ${by}`}
      kind="pie"
      rows={rows}
      series={SERIES}
      categories={categories}
      barColor={by === 'provider' || by === 'source' ? undefined : color}
      height={height}
      formatValue={formatCount}
      emptyText={
        emptyText ??
        (by === 'level' ? 'No warn, error or fatal lines in this range' : 'No failed requests in this range')
      }
      onSelect={onSelect ? (row) => onSelect(categories[row.t] ?? '') : undefined}
      textSize={textSize}
    />
  );
}
