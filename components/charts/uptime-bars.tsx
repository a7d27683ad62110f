'use client';
import { formatPercent } from '@/lib/format/number';
import { bucketTone, toneColor } from '@/lib/format/status';
import type { Target } from '@/lib/swr/types';
import { Chart } from './chart';
import type { ChartRow } from './rows';

const SERIES = [{ key: 'uptime', label: 'Uptime 24h', color: 'var(--up)' }];

/** Each target's 24 h uptime as a bar in the status colours. */
export function UptimeBars({ targets, height = 220 }: { targets: Target[]; height?: number | '100%' }) {
  const categories = targets.map((t) => t.name);
  const rows: ChartRow[] = targets.map((t, i) => ({ t: i, uptime: t.uptime['24h'] }));
  return (
    <Chart
      label="Uptime per target, last 24 h"
      kind="bar"
      axes
      rows={rows}
      series={SERIES}
      categories={categories}
      height={height}
      formatValue={formatPercent}
      barColor={(row) => toneColor(bucketTone(typeof row.uptime === 'number' ? row.uptime : null))}
      emptyText="No targets with checks yet — add one in Settings or lookout.yml"
    />
  );
}
