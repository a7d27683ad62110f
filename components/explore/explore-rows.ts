import type { ChartRow } from '@/components/charts/rows';
import type { PromQueryData } from '@/lib/swr/types';

export type ExploreSeries = { key: string; labels: Record<string, string>; last: string | null };

/** About this many points per series, as Grafana picks a step from the panel's width. */
const POINTS = 250;

/** The range query's step in seconds for a window: whole seconds, at least 1. */
export function stepFor(fromMs: number, toMs: number): number {
  return Math.max(1, Math.ceil((toMs - fromMs) / 1000 / POINTS));
}

/** `{job="api", instance="…"}`, the way Prometheus prints a label set. */
export function formatSeries(labels: Record<string, string>): string {
  const { __name__: name = '', ...rest } = labels;
  const inner = Object.entries(rest)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
  return inner || !name ? `${name}{${inner}}` : name;
}

/** A range query's matrix as chart rows (one per step) and the series with their last value. */
export function matrixToRows(data: PromQueryData): { rows: ChartRow[]; series: ExploreSeries[] } {
  if (data.resultType !== 'matrix') return { rows: [], series: [] };
  const byT = new Map<number, ChartRow>();
  const series: ExploreSeries[] = data.result.map((s, i) => {
    const key = `s${i}`;
    for (const [t, v] of s.values) {
      const ms = Math.round(t * 1000);
      let row = byT.get(ms);
      if (!row) byT.set(ms, (row = { t: ms } as ChartRow));
      const n = Number(v);
      row[key] = Number.isFinite(n) ? n : null;
    }
    return { key, labels: s.metric, last: s.values.at(-1)?.[1] ?? null };
  });
  return { rows: [...byT.values()].sort((a, b) => a.t - b.t), series };
}
