'use client';
import { formatCount, formatMs } from '@/lib/format/number';
import type { LatencyHistogram as Histogram } from '@/lib/swr/types';
import { Chart, type ChartMarker } from './chart';
import type { ChartRow } from './rows';

const SERIES = [{ key: 'count', label: 'Requests', color: 'var(--chart-1)' }];
const MARKS = [
  ['p50', 'var(--up)'],
  ['p95', 'var(--pending)'],
  ['p99', 'var(--down)'],
] as const;

const bucketLabel = (le: number | null, prev: number | null) =>
  le === null ? `> ${formatMs(prev)}` : `≤ ${formatMs(le)}`;

/** Which bucket a percentile falls in: the first whose upper edge reaches it. */
function bucketOf(buckets: Histogram['buckets'], v: number): number {
  const i = buckets.findIndex((b) => b.le_ms === null || v <= b.le_ms);
  return i === -1 ? buckets.length - 1 : i;
}

/** Response times as a histogram with the p50, p95 and p99 buckets marked. */
export function LatencyHistogram({
  data,
  height = 220,
  textSize,
}: {
  data: Histogram;
  height?: number | '100%';
  textSize?: number;
}) {
  // Empty buckets past the slowest request only stretch the axis.
  const last = data.buckets.reduce((m, b, i) => (b.count > 0 ? i : m), -1);
  const first = data.buckets.findIndex((b) => b.count > 0);
  const shown = last === -1 ? [] : data.buckets.slice(Math.max(0, first - 1), Math.min(data.buckets.length, last + 2));
  const offset = last === -1 ? 0 : Math.max(0, first - 1);
  const categories = shown.map((b, i) => bucketLabel(b.le_ms, data.buckets[offset + i - 1]?.le_ms ?? null));
  const rows: ChartRow[] = shown.map((b, i) => ({ t: i, count: b.count }));
  const markers: ChartMarker[] = MARKS.flatMap(([k, color]) => {
    const v = data[k];
    return v === null ? [] : [{ x: bucketOf(data.buckets, v) - offset, label: k, color }];
  });
  // Percentiles in the same bucket would print over each other; one line carries them all.
  const merged = new Map<number, ChartMarker>();
  for (const m of markers) {
    const had = merged.get(m.x);
    merged.set(m.x, had ? { ...had, label: `${had.label}·${m.label}` } : m);
  }
  return (
    <Chart
      label="Response time histogram"
      kind="bar"
      axes
      rows={rows}
      series={SERIES}
      categories={categories}
      markers={[...merged.values()]}
      height={height}
      formatValue={formatCount}
      emptyText="No requests in this range"
      textSize={textSize}
    />
  );
}
