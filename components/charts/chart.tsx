'use client';
import Link from 'next/link';
import {
  Area,
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MouseHandlerDataParam } from 'recharts/types/synchronisation/types';
import { formatAxisTime } from '@/lib/format/time';
import { useNow } from '@/lib/time/use-now';
import { ChartPie } from './chart-pie';
import { ChartTooltip, type TooltipLine } from './chart-tooltip';
import { type ChartBand, firingAt } from './firing-bands';
import { loneDot } from './lone-dot';
import { type ChartRow, hasValues } from './rows';

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS colour, normally a theme variable such as `var(--chart-1)`. */
  color: string;
  /** Where the legend entry leads (a drill-down), so the chart is usable without a pointer. */
  href?: string;
}

export interface ChartMarker {
  /** The x value (a time, or a category index) the vertical line marks. */
  x: number;
  label: string;
  color: string;
}

export interface ChartProps {
  label: string;
  rows: ChartRow[];
  series: ChartSeries[];
  kind?: 'line' | 'bar' | 'area' | 'pie';
  stacked?: boolean;
  /** A number, or '100%' to fill a parent of fixed height (the wall). */
  height?: number | '100%';
  /** Fixed x range (epoch ms) so a sparse series still spans the chosen window. */
  domain?: [number, number];
  formatValue?: (v: number) => string;
  emptyText?: string;
  /** Sparkline mode: no axes, grid, legend or tooltip. */
  minimal?: boolean;
  /** Draw axes; bars are bare by default (the status bar). */
  axes?: boolean;
  /** Categorical x: row `t` is an index into these names (providers, latency buckets). */
  categories?: string[];
  barColor?: (row: ChartRow) => string;
  tooltipLines?: (row: ChartRow) => TooltipLine[];
  markers?: ChartMarker[];
  /** Translucent red stretches of x where an alert fired (time charts only). */
  bands?: ChartBand[];
  /** Clicking a time point or bar (a drill-down); `key` is the series under the pointer when known. */
  onSelect?: (row: ChartRow, key?: string) => void;
  /** Axis and legend text in px; the wall reads from across a room. */
  textSize?: number;
}

/** The one recharts wrapper: sizing, theme colours, axes, tooltip, legend and the empty state. */
export function Chart(props: ChartProps) {
  const {
    label,
    rows,
    series,
    kind = 'line',
    height = 240,
    domain,
    formatValue = String,
    emptyText = 'No data in this range',
    minimal = false,
    categories,
  } = props;
  const {
    stacked = false,
    axes = kind !== 'bar',
    barColor,
    tooltipLines,
    markers = [],
    bands = [],
    onSelect,
    textSize = 11,
  } = props;
  const tick = { fill: 'var(--muted)', fontSize: textSize };
  // Charts draw only in the browser: tick labels depend on its time zone and size.
  const mounted = useNow() !== 0;
  const keys = series.map((s) => s.key);
  if (!mounted) return <div className="skeleton" style={{ height }} aria-hidden="true" />;
  if (!hasValues(rows, keys)) {
    return (
      <div
        role="img"
        aria-label={`${label}: ${emptyText}`}
        className="flex items-center justify-center rounded-md border border-dashed border-line p-2 text-center text-xs text-muted"
        style={{ height }}
      >
        {minimal ? '' : emptyText}
      </div>
    );
  }
  const categorical = categories !== undefined || kind === 'bar';
  const span = domain ? domain[1] - domain[0] : (rows.at(-1)?.t ?? 0) - (rows[0]?.t ?? 0);
  const xText = (t: number) => (categories ? (categories[t] ?? '') : formatAxisTime(t, span));
  const defaultLines = (row: ChartRow): TooltipLine[] =>
    series.map((s) => ({
      label: s.label,
      value: typeof row[s.key] === 'number' ? formatValue(row[s.key] as number) : '—',
      color: s.color,
    }));
  const withBands = (row: ChartRow): TooltipLine[] => {
    const names = firingAt(bands, row.t);
    const lines = (tooltipLines ?? defaultLines)(row);
    return names.length ? [...lines, { label: 'Alert firing', value: names.join(', '), color: 'var(--down)' }] : lines;
  };
  const firingNames = [...new Set(bands.flatMap((b) => b.names))];
  const click = onSelect
    ? (state: MouseHandlerDataParam) => {
        const row = rows[Number(state.activeTooltipIndex)];
        if (row) onSelect(row, typeof state.activeDataKey === 'string' ? state.activeDataKey : undefined);
      }
    : undefined;
  const legend = kind === 'pie' ? [] : series;
  return (
    <figure aria-label={label} className="m-0 flex min-w-0 flex-col" style={height === '100%' ? { height } : undefined}>
      {!minimal && legend.length > 1 && (
        <figcaption
          className="mb-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted"
          style={textSize === 11 ? undefined : { fontSize: textSize }}
        >
          {legend.map((s) => {
            const body = (
              <>
                <span aria-hidden="true" className="h-2 w-3 rounded-sm" style={{ background: s.color }} />
                {s.label}
              </>
            );
            return s.href ? (
              <Link
                key={s.key}
                href={s.href}
                className="inline-flex items-center gap-1.5 hover:text-fg hover:underline"
                title={`Open ${s.label} in Logs`}
              >
                {body}
              </Link>
            ) : (
              <span key={s.key} className="inline-flex items-center gap-1.5">
                {body}
              </span>
            );
          })}
        </figcaption>
      )}
      <div className="min-h-0 flex-1" style={{ cursor: onSelect ? 'pointer' : undefined }}>
        {kind === 'pie' ? (
          <ChartPie
            rows={rows}
            valueKey={keys[0]}
            categories={categories ?? []}
            height={height}
            colorOf={barColor}
            formatValue={formatValue}
            onSelect={onSelect}
            textSize={textSize}
          />
        ) : (
          <ResponsiveContainer
            width="100%"
            height={height}
            initialDimension={{ width: 320, height: typeof height === 'number' ? height : 200 }}
          >
            <ComposedChart
              data={rows}
              margin={
                minimal
                  ? { top: 2, right: 0, bottom: 2, left: 0 }
                  : { top: markers.length ? textSize + 9 : 8, right: 8, bottom: 0, left: 0 }
              }
              barCategoryGap={categorical && axes ? '15%' : 1}
              onClick={click}
            >
              {!minimal && axes && <CartesianGrid stroke="var(--chart-grid)" vertical={false} />}
              <XAxis
                dataKey="t"
                type={categorical ? 'category' : 'number'}
                scale={categorical ? 'band' : 'time'}
                domain={categorical ? undefined : (domain ?? ['dataMin', 'dataMax'])}
                hide={minimal || !axes}
                tickFormatter={xText}
                tick={tick}
                stroke="var(--border)"
                minTickGap={categories ? 4 : 24}
                interval={categories ? 'preserveStartEnd' : undefined}
              />
              <YAxis
                hide={minimal || !axes}
                width={textSize * 5}
                tickFormatter={(v: number) => formatValue(v)}
                tick={tick}
                stroke="var(--border)"
                domain={[0, 'auto']}
                allowDecimals={false}
              />
              {!minimal && (
                <Tooltip
                  cursor={categorical ? { fill: 'var(--surface-2)' } : { stroke: 'var(--border)' }}
                  content={(p) => (
                    <ChartTooltip
                      active={p.active}
                      payload={p.payload}
                      linesFor={withBands}
                      title={categories ? (row) => categories[row.t] ?? '' : undefined}
                    />
                  )}
                  isAnimationActive={false}
                />
              )}
              {bands.map((b) => (
                <ReferenceArea
                  key={b.x1}
                  x1={b.x1}
                  x2={b.x2}
                  fill="var(--down)"
                  fillOpacity={0.12}
                  stroke="none"
                  ifOverflow="hidden"
                />
              ))}
              {series.map((s) =>
                kind === 'bar' ? (
                  <Bar
                    key={s.key}
                    dataKey={s.key}
                    name={s.label}
                    fill={s.color}
                    stackId={stacked ? 'a' : undefined}
                    isAnimationActive={false}
                    radius={stacked ? 0 : 2}
                    maxBarSize={axes ? 72 : undefined}
                  >
                    {barColor && rows.map((row) => <Cell key={row.t} fill={barColor(row)} />)}
                  </Bar>
                ) : kind === 'area' ? (
                  <Area
                    key={s.key}
                    type="linear"
                    dataKey={s.key}
                    name={s.label}
                    stroke={s.color}
                    fill={s.color}
                    fillOpacity={0.25}
                    stackId={stacked ? 'a' : undefined}
                    isAnimationActive={false}
                    connectNulls
                  />
                ) : (
                  <Line
                    key={s.key}
                    type="monotone"
                    dataKey={s.key}
                    name={s.label}
                    stroke={s.color}
                    strokeWidth={minimal ? 1.5 : 2}
                    dot={minimal ? false : loneDot(rows, s.key)}
                    connectNulls={minimal}
                    isAnimationActive={false}
                  />
                ),
              )}
              {markers.map((m) => (
                <ReferenceLine
                  key={m.label}
                  x={m.x}
                  stroke={m.color}
                  strokeDasharray="4 3"
                  label={{ value: m.label, position: 'top', fill: m.color, fontSize: textSize }}
                />
              ))}
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </div>
      {!minimal && firingNames.length > 0 && (
        <p className="mt-1 inline-flex items-center gap-1.5 text-xs text-muted" data-testid="firing-bands">
          <span aria-hidden="true" className="h-2 w-3 rounded-sm bg-down opacity-30" />
          Alert firing ({bands.length === 1 ? '1 period' : `${bands.length} periods`}): {firingNames.join(', ')}
        </p>
      )}
    </figure>
  );
}
