import { dayStartMs } from '../time-fast';
import { wallToUtc } from './zone';

/** What a family parser needs to turn a written time into epoch ms. */
export interface LineContext {
  receivedAt: number;
  /** IANA zone for times written without one; null: UTC. */
  timezone: string | null;
  /** IIS/W3C column names from the source's last `#Fields:` header. */
  w3cFields?: string[];
}

export const MONTHS: Record<string, number> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};

const ONE_DAY_MS = 86_400_000;

/** Fraction digits ("678", "678901") → whole milliseconds; sub-ms digits are dropped (ts is integer ms). */
export function fracMs(frac: string | undefined): number {
  return frac ? Number(`${frac}00`.slice(0, 3)) : 0;
}

/** A civil time as if in UTC, or null when a field is out of range. */
export function wallMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | null {
  if (h > 23 || mi > 59 || s > 60) return null;
  const day = dayStartMs(y, mo, d);
  return day === null ? null : day + h * 3_600_000 + mi * 60_000 + Math.min(s, 59) * 1000 + ms;
}

/** A time written without a zone: the source's pinned zone, else UTC. */
export function naiveMs(
  ctx: LineContext,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number | null {
  const wall = wallMs(y, mo, d, h, mi, s, ms);
  if (wall === null || ctx.timezone === null) return wall;
  return wallToUtc(wall, ctx.timezone);
}

let yearFrom = 0;
let yearTo = -1;
let cachedYear = 0;

/** The UTC year of `ms`, remembered for the rest of that year: one Date per source-year, not per line. */
function utcYear(ms: number): number {
  if (ms < yearFrom || ms > yearTo) {
    cachedYear = new Date(ms).getUTCFullYear();
    yearFrom = Date.UTC(cachedYear, 0, 1);
    yearTo = Date.UTC(cachedYear + 1, 0, 1) - 1;
  }
  return cachedYear;
}

/**
 * A time written without a year takes the year that puts it closest to, and not after, the time
 * received (December lines read in January are last year's). "After" allows the same one day of
 * slack as any line's time, so a zone mix-up of a few hours does not move a line by a year.
 */
export function yearlessMs(
  ctx: LineContext,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number | null {
  const year = utcYear(ctx.receivedAt);
  for (let y = year + 1; y >= year - 1; y--) {
    // Feb 29 exists only in leap years: step back until it does (at most four years).
    for (let leap = y; leap > y - 8; leap--) {
      const t = naiveMs(ctx, leap, mo, d, h, mi, s, ms);
      if (t === null) {
        if (mo === 2 && d === 29) continue;
        return null;
      }
      if (t <= ctx.receivedAt + ONE_DAY_MS) return t;
      break;
    }
  }
  return null;
}
