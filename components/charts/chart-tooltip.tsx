'use client';
import type { TooltipContentProps } from 'recharts';
import { formatLocal, formatUtc } from '@/lib/format/time';
import type { ChartRow } from './rows';

export interface TooltipLine {
  label: string;
  value: string;
  color?: string;
}

/** Local time on top, UTC beneath (or a category's name), then one line per value. */
export function ChartTooltip({
  active,
  payload,
  linesFor,
  title,
}: Pick<TooltipContentProps, 'active' | 'payload'> & {
  linesFor: (row: ChartRow) => TooltipLine[];
  title?: (row: ChartRow) => string;
}) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs text-fg shadow-md">
      {title ? (
        <div className="mb-1 font-medium">{title(row)}</div>
      ) : (
        <>
          <div className="font-medium">{formatLocal(row.t)}</div>
          <div className="mb-1 text-muted">{formatUtc(row.t)}</div>
        </>
      )}
      {linesFor(row).map((line) => (
        <div key={line.label} className="tabular flex items-center gap-2">
          {line.color && (
            <span aria-hidden="true" className="h-2 w-2 rounded-full" style={{ background: line.color }} />
          )}
          <span className="text-muted">{line.label}</span>
          <span className="ml-auto pl-3 font-medium">{line.value}</span>
        </div>
      ))}
    </div>
  );
}
