'use client';
import { formatCount, formatMs } from '@/lib/format/number';
import type { LatencyHistogram } from '@/lib/swr/types';
import { labelStride, niceTicks } from './scale';
import { NameAxis, plotArea, ValueAxis } from './wall-axes';
import { WallFigure } from './wall-figure';

const MARKS = [
  ['p50', 'var(--up)'],
  ['p95', 'var(--pending)'],
  ['p99', 'var(--down)'],
] as const;

export interface LatencyBars {
  bars: { label: string; count: number }[];
  /** Percentile lines by bar index; percentiles in one bucket share a line and a label. */
  marks: { index: number; label: string; color: string }[];
}

/** The buckets worth drawing (empty ones past either end only stretch the axis) and where p50/p95/p99 fall. */
export function latencyBars(data: LatencyHistogram): LatencyBars {
  const last = data.buckets.reduce((m, b, i) => (b.count > 0 ? i : m), -1);
  if (last === -1) return { bars: [], marks: [] };
  const offset = Math.max(0, data.buckets.findIndex((b) => b.count > 0) - 1);
  const shown = data.buckets.slice(offset, Math.min(data.buckets.length, last + 2));
  const bars = shown.map((b, i) => ({
    label: b.le_ms === null ? `> ${formatMs(data.buckets[offset + i - 1]?.le_ms ?? null)}` : `≤ ${formatMs(b.le_ms)}`,
    count: b.count,
  }));
  const marks = new Map<number, { index: number; label: string; color: string }>();
  for (const [k, color] of MARKS) {
    const v = data[k];
    if (v === null) continue;
    const at = data.buckets.findIndex((b) => b.le_ms === null || v <= b.le_ms);
    const index = Math.min(bars.length - 1, Math.max(0, (at === -1 ? data.buckets.length - 1 : at) - offset));
    const had = marks.get(index);
    marks.set(index, had ? { ...had, label: `${had.label}·${k}` } : { index, label: k, color });
  }
  return { bars, marks: [...marks.values()] };
}

/** Response times as bars per latency bucket, with the p50, p95 and p99 buckets marked. */
export function WallLatency({ data }: { data: LatencyHistogram }) {
  const { bars, marks } = latencyBars(data);
  const max = Math.max(0, ...bars.map((b) => b.count));
  return (
    <WallFigure label="Response time histogram" empty={max === 0} emptyText="No requests in this range">
      {({ width, height, text }) => {
        const plot = plotArea(width, height, text);
        const ticks = niceTicks(max, 4);
        const top = ticks.at(-1) || 1;
        const band = plot.width / bars.length;
        const cx = (i: number) => plot.left + band * (i + 0.5);
        const stride = labelStride(bars.length, text * 4.5, plot.width);
        return (
          <>
            <ValueAxis plot={plot} ticks={ticks} format={formatCount} />
            {bars.map((b, i) => {
              const h = (b.count / top) * plot.height;
              return (
                <rect
                  key={b.label}
                  x={cx(i) - band * 0.42}
                  y={plot.top + plot.height - h}
                  width={band * 0.84}
                  height={h}
                  rx={2}
                  fill="var(--chart-1)"
                >
                  <title>{`${b.label}: ${formatCount(b.count)} requests`}</title>
                </rect>
              );
            })}
            {marks.map((m) => (
              <g key={m.label}>
                <line
                  x1={cx(m.index)}
                  x2={cx(m.index)}
                  y1={plot.top}
                  y2={plot.top + plot.height}
                  stroke={m.color}
                  strokeWidth={2}
                  strokeDasharray="6 4"
                />
                <text x={cx(m.index)} y={plot.top - 6} textAnchor="middle" fill={m.color} fontWeight={600}>
                  {m.label}
                </text>
              </g>
            ))}
            <NameAxis
              plot={plot}
              items={bars.flatMap((b, i) => (i % stride === 0 ? [{ x: cx(i), label: b.label }] : []))}
            />
          </>
        );
      }}
    </WallFigure>
  );
}
