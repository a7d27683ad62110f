'use client';
import { formatPercent } from '@/lib/format/number';
import { bucketTone, toneColor } from '@/lib/format/status';
import type { Bucket } from '@/lib/swr/types';
import { Chart, type ChartSeries } from './chart';
import type { ChartRow } from './rows';

const SERIES: ChartSeries[] = [{ key: 'bar', label: 'Checks', color: 'var(--idle)' }];

const uptimeOf = (row: ChartRow) => (typeof row.uptime === 'number' ? row.uptime : null);

// Every bar has the same height; colour carries the uptime and the tooltip the counts.
export function StatusBar({ buckets }: { buckets: Bucket[] }) {
  const rows: ChartRow[] = buckets.map((b) => ({
    t: Date.parse(b.ts),
    bar: 1,
    uptime: b.uptime,
    checks: b.checks,
    up: b.up,
  }));
  return (
    <Chart
      label="Status per bucket"
      kind="bar"
      rows={rows}
      series={SERIES}
      height={40}
      barColor={(row) => toneColor(bucketTone(uptimeOf(row)))}
      tooltipLines={(row) =>
        row.checks
          ? [
              { label: 'Up', value: `${row.up} of ${row.checks} checks`, color: toneColor(bucketTone(uptimeOf(row))) },
              { label: 'Uptime', value: formatPercent(uptimeOf(row)) },
            ]
          : [{ label: 'No checks', value: '', color: toneColor('idle') }]
      }
    />
  );
}
