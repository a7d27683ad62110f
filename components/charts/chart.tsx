'use client';
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxisTime } from '@/lib/format/time';
import { useNow } from '@/lib/time/use-now';
import { ChartTooltip, type TooltipLine } from './chart-tooltip';
import { loneDot } from './lone-dot';
import { hasValues, type ChartRow } from './rows';

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS colour, normally a theme variable such as `var(--chart-1)`. */
  color: string;
}

export interface ChartProps {
  label: string;
  rows: ChartRow[];
  series: ChartSeries[];
  kind?: 'line' | 'bar';
  height?: number;
  /** Fixed x range (epoch ms) so a sparse series still spans the chosen window. */
  domain?: [number, number];
  formatValue?: (v: number) => string;
  emptyText?: string;
  /** Sparkline mode: no axes, grid, legend or tooltip. */
  minimal?: boolean;
  barColor?: (row: ChartRow) => string;
  tooltipLines?: (row: ChartRow) => TooltipLine[];
}

const AXIS_TICK = { fill: 'var(--muted)', fontSize: 11 };

/** The one recharts wrapper: sizing, theme colours, axes, tooltip and the empty state. */
export function Chart({ label, rows, series, kind = 'line', height = 240, domain, formatValue = String, emptyText = 'No data in this range', minimal = false, barColor, tooltipLines }: ChartProps) {
  // Charts draw only in the browser: tick labels depend on its time zone and size.
  const mounted = useNow() !== 0;
  const keys = series.map((s) => s.key);
  if (!mounted) return <div className="skeleton" style={{ height }} aria-hidden="true" />;
  if (!hasValues(rows, keys)) {
    return (
      <div role="img" aria-label={`${label}: ${emptyText}`} className="flex items-center justify-center rounded-md border border-dashed border-line text-xs text-muted" style={{ height }}>
        {minimal ? '' : emptyText}
      </div>
    );
  }
  const span = domain ? domain[1] - domain[0] : (rows.at(-1)?.t ?? 0) - (rows[0]?.t ?? 0);
  const defaultLines = (row: ChartRow): TooltipLine[] =>
    series.map((s) => ({ label: s.label, value: typeof row[s.key] === 'number' ? formatValue(row[s.key] as number) : '—', color: s.color }));
  return (
    <figure aria-label={label} className="m-0">
      {!minimal && series.length > 1 && (
        <figcaption className="mb-2 flex flex-wrap gap-3 text-xs text-muted">
          {series.map((s) => (
            <span key={s.key} className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="h-0.5 w-3" style={{ background: s.color }} />
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
        <ComposedChart data={rows} margin={minimal ? { top: 2, right: 0, bottom: 2, left: 0 } : { top: 4, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
          {!minimal && kind === 'line' && <CartesianGrid stroke="var(--chart-grid)" vertical={false} />}
          <XAxis
            dataKey="t"
            type={kind === 'bar' ? 'category' : 'number'}
            scale={kind === 'bar' ? 'band' : 'time'}
            domain={kind === 'bar' ? undefined : (domain ?? ['dataMin', 'dataMax'])}
            hide={minimal || kind === 'bar'}
            tickFormatter={(t: number) => formatAxisTime(t, span)}
            tick={AXIS_TICK}
            stroke="var(--border)"
            minTickGap={24}
          />
          <YAxis hide={minimal || kind === 'bar'} width={64} tickFormatter={(v: number) => formatValue(v)} tick={AXIS_TICK} stroke="var(--border)" domain={[0, 'auto']} />
          {!minimal && (
            <Tooltip
              cursor={kind === 'bar' ? { fill: 'var(--surface-2)' } : { stroke: 'var(--border)' }}
              content={(props) => <ChartTooltip active={props.active} payload={props.payload} linesFor={tooltipLines ?? defaultLines} />}
              isAnimationActive={false}
            />
          )}
          {series.map((s) =>
            kind === 'bar' ? (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} radius={2}>
                {barColor && rows.map((row) => <Cell key={row.t} fill={barColor(row)} />)}
              </Bar>
            ) : (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={minimal ? 1.5 : 2} dot={minimal ? false : loneDot(rows, s.key)} connectNulls={minimal} isAnimationActive={false} />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
