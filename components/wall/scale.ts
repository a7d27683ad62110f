// Pure geometry for the wall's SVG charts: nice axis ticks, time ticks and stacking.

/** Ticks from 0 to a round number at or above `max`, about `count` of them (1, 2 or 5 × 10^k apart). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  // Counts are whole: a step below 1 would print 0.5 requests.
  const whole = Math.max(step, 1);
  const ticks: number[] = [];
  for (let v = 0; v < max + whole; v += whole) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  MIN,
  5 * MIN,
  10 * MIN,
  15 * MIN,
  30 * MIN,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/**
 * Round local times inside [from, to], at most `count` of them. `offsetMs` is the zone's offset from
 * UTC (east positive), so hours and days fall on the viewer's clock.
 */
export function timeTicks(from: number, to: number, count: number, offsetMs = 0): number[] {
  if (!(to > from) || count < 1) return [];
  const step = TIME_STEPS.find((s) => (to - from) / s <= count) ?? Math.ceil((to - from) / count / DAY) * DAY;
  const first = Math.ceil((from + offsetMs) / step) * step - offsetMs;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** Running totals per row in key order: `[bottom, top]` of each key's band; a missing value counts 0. */
export function stackRows(
  rows: ({ t: number } & Record<string, number | null>)[],
  keys: string[],
): { t: number; bands: [number, number][] }[] {
  return rows.map((row) => {
    let sum = 0;
    const bands = keys.map((k): [number, number] => {
      const v = row[k];
      const bottom = sum;
      sum += typeof v === 'number' && Number.isFinite(v) ? v : 0;
      return [bottom, sum];
    });
    return { t: row.t, bands };
  });
}

/** Every `every`-th index so that labels of `width` px each fit into `space` px. */
export function labelStride(n: number, width: number, space: number): number {
  if (n <= 0 || space <= 0) return 1;
  return Math.max(1, Math.ceil((n * width) / space));
}
