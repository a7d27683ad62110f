import { formatCount } from './number';

export type ChangeDirection = 'up' | 'down' | 'flat';

export interface Change {
  text: string;
  direction: ChangeDirection;
}

const trim = (s: string) => s.replace(/\.0$/, '');

/**
 * A tile's change against the previous period. Counts and latencies change in percent (`+12 %`);
 * rates that are already percentages change in points (`+1.5 pp`), as percent of a percent misleads.
 */
export function describeChange(
  current: number | null | undefined,
  previous: number | null | undefined,
  mode: 'relative' | 'points' = 'relative',
): Change | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  if (mode === 'points') {
    const pp = (current - previous) * 100;
    if (Math.abs(pp) < 0.05) return { text: 'no change', direction: 'flat' };
    return { text: `${pp > 0 ? '+' : '−'}${trim(Math.abs(pp).toFixed(1))} pp`, direction: pp > 0 ? 'up' : 'down' };
  }
  if (current === previous) return { text: 'no change', direction: 'flat' };
  if (previous === 0) return { text: `+${formatCount(current)}`, direction: 'up' };
  const pct = ((current - previous) / Math.abs(previous)) * 100;
  if (Math.abs(pct) < 0.5) return { text: 'no change', direction: 'flat' };
  const abs = Math.abs(pct);
  const shown = abs >= 1000 ? `${formatCount(abs)}` : trim(abs.toFixed(abs >= 10 ? 0 : 1));
  return { text: `${pct > 0 ? '+' : '−'}${shown} %`, direction: pct > 0 ? 'up' : 'down' };
}
