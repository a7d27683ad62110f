'use client';
import { useId } from 'react';
import { seriesToRows } from '@/components/charts/rows';
import { formatCount } from '@/lib/format/number';
import { seriesColor } from '@/lib/format/palette';
import { formatAxisTime } from '@/lib/format/time';
import type { SeriesResponse } from '@/lib/swr/types';
import { niceTicks, stackRows, timeTicks } from './scale';
import { NameAxis, plotArea, ValueAxis } from './wall-axes';
import { WallFigure } from './wall-figure';

/** Request volume over the window, stacked by provider, each provider in its usual colour. */
export function WallRequests({ data, domain }: { data: SeriesResponse; domain: [number, number] }) {
  const clip = useId();
  const keys = data.series.map((s) => s.key).sort();
  const stacked = stackRows(seriesToRows(data.series), keys);
  const max = Math.max(0, ...stacked.map((r) => r.bands.at(-1)?.[1] ?? 0));
  const legend = keys.map((key) => ({ key, label: key || 'unknown', color: seriesColor(key) }));
  const [from, to] = domain;
  const label = `Requests per ${Math.round(data.step_ms / 1000)} s by provider`;
  return (
    <WallFigure label={label} legend={legend} empty={max === 0} emptyText="No requests in this range">
      {({ width, height, text }) => {
        const plot = plotArea(width, height, text);
        const ticks = niceTicks(max, 4);
        const top = ticks.at(-1) || 1;
        const x = (t: number) => plot.left + ((t - from) / Math.max(1, to - from)) * plot.width;
        const y = (v: number) => plot.top + plot.height - (v / top) * plot.height;
        const offset = -new Date().getTimezoneOffset() * 60_000;
        const times = timeTicks(from, to, Math.max(2, Math.floor(plot.width / (text * 6))), offset);
        return (
          <>
            <ValueAxis plot={plot} ticks={ticks} format={formatCount} />
            <clipPath id={clip}>
              <rect x={plot.left} y={0} width={plot.width} height={plot.top + plot.height} />
            </clipPath>
            <g clipPath={`url(#${clip})`}>
              {keys.map((key, i) => {
                const upper = stacked.map((r) => `${x(r.t).toFixed(1)},${y(r.bands[i][1]).toFixed(1)}`);
                const lower = stacked.map((r) => `${x(r.t).toFixed(1)},${y(r.bands[i][0]).toFixed(1)}`).reverse();
                const color = seriesColor(key);
                return (
                  <g key={key}>
                    <polygon points={[...upper, ...lower].join(' ')} fill={color} fillOpacity={0.3} />
                    <polyline
                      points={upper.join(' ')}
                      fill="none"
                      stroke={color}
                      strokeWidth={2}
                      strokeLinejoin="round"
                    >
                      <title>{key || 'unknown'}</title>
                    </polyline>
                  </g>
                );
              })}
            </g>
            <NameAxis plot={plot} items={times.map((t) => ({ x: x(t), label: formatAxisTime(t, to - from) }))} />
          </>
        );
      }}
    </WallFigure>
  );
}
