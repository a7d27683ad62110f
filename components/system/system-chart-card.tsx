'use client';
import { Chart, type ChartSeries } from '@/components/charts/chart';
import { seriesToRows } from '@/components/charts/rows';
import { PanelBody } from '@/components/panels/panel-body';
import { Card } from '@/components/ui/card';
import { formatRatio } from '@/lib/format/number';
import { SERIES_COLORS } from '@/lib/format/palette';
import type { Point } from '@/lib/swr/types';
import { useSystemSeries } from '@/lib/swr/use-system-series';
import type { SystemChart } from '@/lib/system/charts';
import { resolveRange, type TimeRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';
import { formatUnit } from './format-unit';

/** One /system chart: its own series request, drawn by the generic chart over the chosen range. */
export function SystemChartCard({
  title,
  chart,
  range,
  refreshMs,
  emptyText = 'No samples in this range',
}: {
  title: string;
  chart: SystemChart;
  range: TimeRange;
  refreshMs: number;
  emptyText?: string;
}) {
  const { data, error } = useSystemSeries(chart, range, refreshMs);
  const { from, to } = resolveRange(range, useNow() || Date.now());
  return (
    <Card title={title}>
      <PanelBody data={data} error={error} what={title.toLowerCase()} skeleton="h-40">
        {(d) => {
          const series: ChartSeries[] = d.series.map((s, i) => ({
            key: s.key,
            label: s.key,
            color: `var(${SERIES_COLORS[i % SERIES_COLORS.length]})`,
          }));
          // The chart's axis ticks are whole numbers, so shares are drawn in percent (0–100), not 0–1.
          const percent = d.unit === 'cores' || d.unit === 'ratio';
          const rows = seriesToRows(
            percent
              ? d.series.map((s) => ({
                  ...s,
                  points: s.points.map(([t, v]): Point => [t, v === null ? null : v * 100]),
                }))
              : d.series,
          );
          const format = (v: number) => (percent ? formatRatio(v / 100) : formatUnit(d.unit, v));
          return (
            <Chart
              label={title}
              rows={rows}
              series={series}
              domain={[from, to]}
              height={160}
              formatValue={format}
              emptyText={emptyText}
            />
          );
        }}
      </PanelBody>
    </Card>
  );
}
