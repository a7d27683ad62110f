import type { Series } from '@/lib/swr/types';

/** One x position of a chart: `t` in epoch ms plus a value per series key. */
export type ChartRow = { t: number } & Record<string, number | null>;

/** API series (`[[ms, v]]` per key) → one row per timestamp, the shape recharts plots. */
export function seriesToRows(series: Series[]): ChartRow[] {
  const byT = new Map<number, ChartRow>();
  for (const s of series) {
    for (const [t, v] of s.points) {
      let row = byT.get(t);
      if (!row) byT.set(t, (row = { t } as ChartRow));
      row[s.key] = v;
    }
  }
  return [...byT.values()].sort((a, b) => a.t - b.t);
}

export const hasValues = (rows: ChartRow[], keys: string[]): boolean =>
  rows.some((r) => keys.some((k) => typeof r[k] === 'number'));
