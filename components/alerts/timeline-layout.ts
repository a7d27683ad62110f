import type { AlertPeriod } from '@/lib/swr/use-alert-history';

/** Narrow periods still show as a sliver rather than vanish. */
const MIN_WIDTH_PCT = 0.5;

export interface Bar {
  state: AlertPeriod['state'];
  startMs: number;
  /** The period's end, or `now` while it lasts. */
  endMs: number;
  ongoing: boolean;
  leftPct: number;
  widthPct: number;
  value: number | null;
}

/** Where each period sits on a track spanning [from, to]; periods outside the span are left out. */
export function layoutBars(periods: AlertPeriod[], from: number, to: number, now: number): Bar[] {
  const span = to - from;
  if (span <= 0) return [];
  return periods.flatMap((p) => {
    const startMs = Date.parse(p.start);
    const endMs = p.end === null ? Math.max(startMs, now) : Date.parse(p.end);
    const a = Math.max(startMs, from);
    const b = Math.min(endMs, to);
    if (b < a || startMs > to) return [];
    const widthPct = Math.min(100, Math.max(MIN_WIDTH_PCT, ((b - a) / span) * 100));
    // A short period at the right edge (one that just began) is moved in so it stays visible.
    const leftPct = Math.min(((a - from) / span) * 100, 100 - widthPct);
    return [{ state: p.state, startMs, endMs, ongoing: p.end === null, leftPct, widthPct, value: p.value }];
  });
}
