import type { AlertHistoryEntry } from '@/lib/swr/use-alert-history';

/** A stretch of a chart's x range during which at least one alert fired. */
export interface ChartBand {
  x1: number;
  x2: number;
  /** The alerts that fired during it, by name. */
  names: string[];
}

/**
 * Firing periods of every alert, clipped to [from, to] and merged where they overlap, so
 * simultaneous alerts draw one band (named after all of them) rather than stacking reds.
 */
export function firingBands(
  history: AlertHistoryEntry[] | undefined,
  from: number,
  to: number,
  now: number,
): ChartBand[] {
  const spans = (history ?? []).flatMap((a) =>
    a.periods
      .filter((p) => p.state === 'firing')
      .map((p) => ({
        x1: Math.max(from, Date.parse(p.start)),
        x2: Math.min(to, p.end === null ? now : Date.parse(p.end)),
        names: [a.name],
      }))
      .filter((s) => s.x2 > s.x1),
  );
  spans.sort((a, b) => a.x1 - b.x1);
  const out: ChartBand[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.x1 <= last.x2) {
      last.x2 = Math.max(last.x2, s.x2);
      if (!last.names.includes(s.names[0])) last.names.push(s.names[0]);
    } else out.push({ ...s, names: [...s.names] });
  }
  return out;
}

/** The names of the bands covering `t`, for the chart tooltip. */
export function firingAt(bands: ChartBand[], t: number): string[] {
  return bands.filter((b) => t >= b.x1 && t <= b.x2).flatMap((b) => b.names);
}
