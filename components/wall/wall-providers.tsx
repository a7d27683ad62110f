'use client';
import { formatCount } from '@/lib/format/number';
import type { ProviderStats } from '@/lib/swr/types';
import { labelStride, niceTicks } from './scale';
import { NameAxis, plotArea, ValueAxis } from './wall-axes';
import { WallFigure } from './wall-figure';

const SERIES = [
  { key: 'requests', label: 'Requests', color: 'var(--chart-1)' },
  { key: 'errors', label: 'Errors', color: 'var(--down)' },
  { key: 'rate_limited', label: '429s', color: 'var(--pending)' },
] as const;

/** Requests, errors and 429s per provider as grouped bars. */
export function WallProviders({ data }: { data: ProviderStats[] }) {
  const max = Math.max(0, ...data.map((p) => p.requests));
  return (
    <WallFigure
      label="Requests, errors and 429s per provider"
      legend={[...SERIES]}
      empty={max === 0}
      emptyText="No provider traffic in this range"
    >
      {({ width, height, text }) => {
        const plot = plotArea(width, height, text);
        const ticks = niceTicks(max, 4);
        const top = ticks.at(-1) || 1;
        const band = plot.width / data.length;
        const bar = Math.min((band * 0.8) / SERIES.length, text * 4);
        const stride = labelStride(data.length, text * 6, plot.width);
        const cx = (i: number) => plot.left + band * (i + 0.5);
        return (
          <>
            <ValueAxis plot={plot} ticks={ticks} format={formatCount} />
            {data.map((p, i) =>
              SERIES.map((s, j) => {
                const v = p[s.key];
                const h = (v / top) * plot.height;
                return (
                  <rect
                    key={`${p.provider}-${s.key}`}
                    x={cx(i) + (j - SERIES.length / 2) * bar}
                    y={plot.top + plot.height - h}
                    width={Math.max(1, bar - 2)}
                    height={h}
                    rx={2}
                    fill={s.color}
                  >
                    <title>{`${p.provider || 'unknown'} · ${s.label}: ${formatCount(v)}`}</title>
                  </rect>
                );
              }),
            )}
            <NameAxis
              plot={plot}
              items={data.flatMap((p, i) => (i % stride === 0 ? [{ x: cx(i), label: p.provider || 'unknown' }] : []))}
            />
          </>
        );
      }}
    </WallFigure>
  );
}
