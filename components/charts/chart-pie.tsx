'use client';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { seriesColor } from '@/lib/format/palette';
import type { ChartRow } from './rows';

interface Props {
  rows: ChartRow[];
  valueKey: string;
  categories: string[];
  height: number | '100%';
  colorOf?: (row: ChartRow) => string;
  formatValue: (v: number) => string;
  onSelect?: (row: ChartRow) => void;
  textSize: number;
}

/** Chart's pie body: one slice per row, named by `categories[row.t]`, with a legend that shows each share. */
export function ChartPie({ rows, valueKey, categories, height, colorOf, formatValue, onSelect, textSize }: Props) {
  const data = rows.map((row) => ({
    row,
    name: categories[row.t] ?? String(row.t),
    value: typeof row[valueKey] === 'number' ? (row[valueKey] as number) : 0,
  }));
  const total = data.reduce((s, d) => s + d.value, 0);
  const color = (row: ChartRow, i: number) => (colorOf ? colorOf(row) : seriesColor(categories[row.t] ?? String(i)));
  return (
    <div className="flex h-full flex-wrap items-center gap-3">
      <div className="min-w-32 flex-1" style={{ height }}>
        <ResponsiveContainer
          width="100%"
          height={height}
          initialDimension={{ width: 200, height: typeof height === 'number' ? height : 200 }}
        >
          <PieChart>
            <Pie
              data={data}
              dataKey="value"
              nameKey="name"
              innerRadius="55%"
              outerRadius="90%"
              stroke="var(--surface)"
              isAnimationActive={false}
              onClick={onSelect ? (_: unknown, i: number) => data[i] && onSelect(data[i].row) : undefined}
            >
              {data.map((d, i) => (
                <Cell key={d.name} fill={color(d.row, i)} />
              ))}
            </Pie>
            <Tooltip
              isAnimationActive={false}
              content={({ active, payload }) => {
                const p = payload?.[0];
                if (!active || !p) return null;
                const v = Number(p.value);
                return (
                  <div className="tabular rounded-md border border-line bg-surface px-3 py-2 text-xs text-fg shadow-md">
                    <span className="font-medium">{String(p.name)}</span>: {formatValue(v)} (
                    {total ? Math.round((v / total) * 1000) / 10 : 0} %)
                  </div>
                );
              }}
            />
          </PieChart>
        </ResponsiveContainer>
      </div>
      <ul className="tabular min-w-0 space-y-1" style={{ fontSize: textSize + 1 }}>
        {data.map((d, i) => (
          <li key={d.name} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="h-2.5 w-2.5 shrink-0 rounded-sm"
              style={{ background: color(d.row, i) }}
            />
            <span className="truncate text-muted">{d.name}</span>
            <span className="ml-auto pl-2 font-medium text-fg">{formatValue(d.value)}</span>
            <span className="w-12 text-right text-muted">
              {total ? `${Math.round((d.value / total) * 100)} %` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
