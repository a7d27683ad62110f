import { z } from 'zod';

/** Alertmanager's timeinterval package: which times, weekdays, days of month, months and years, in a location. */
export type TimeRange = { startMinute: number; endMinute: number };
export type IntRange = { begin: number; end: number };
export type TimeInterval = {
  times?: TimeRange[];
  weekdays?: IntRange[];
  daysOfMonth?: IntRange[];
  months?: IntRange[];
  years?: IntRange[];
  location?: string;
};

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const TIME_RE = /^((([01][0-9])|(2[0-3])):[0-5][0-9])$|(^24:00$)/;

function fail(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

/** `a:b` or `a` — each side parsed by `one`; Alertmanager's inclusive ranges. */
function rangeList(what: string, one: (s: string) => number | null, check: (r: IntRange) => string | null) {
  return z.array(z.string()).transform((list, ctx) =>
    list.map((s) => {
      const parts = s.split(':');
      if (parts.length > 2) return fail(ctx, `invalid range: ${s}`);
      const [a, b = a] = parts.map((p) => one(p.trim().toLowerCase()));
      if (a === null || b === null) return fail(ctx, `${s} is not a valid ${what}`);
      const err = check({ begin: a, end: b });
      return err ? fail(ctx, err) : { begin: a, end: b };
    }),
  );
}

const int = (s: string) => (/^-?[0-9]+$/.test(s) ? Number(s) : null);
const named = (names: string[], offset: number) => (s: string) => {
  const i = names.indexOf(s);
  if (i >= 0) return i + offset;
  return null;
};

const timeRange = z
  .strictObject({ start_time: z.string().optional(), end_time: z.string().optional() })
  .transform((t, ctx): TimeRange => {
    if (!t.start_time || !t.end_time) return fail(ctx, 'both start and end times must be provided');
    const minutes = (s: string) => (TIME_RE.test(s) ? Number(s.slice(0, 2)) * 60 + Number(s.slice(3)) : null);
    const start = minutes(t.start_time);
    const end = minutes(t.end_time);
    if (start === null || start >= 24 * 60)
      return fail(ctx, `couldn't parse timestamp ${t.start_time}, invalid format`);
    if (end === null) return fail(ctx, `couldn't parse timestamp ${t.end_time}, invalid format`);
    if (start >= end) return fail(ctx, 'start time cannot be equal or greater than end time');
    return { startMinute: start, endMinute: end };
  });

export const timeIntervalSchema = z
  .strictObject({
    times: z.array(timeRange).optional(),
    weekdays: rangeList('weekday', named(DAYS, 0), (r) =>
      r.begin > r.end ? 'start day cannot be before end day' : null,
    ).optional(),
    days_of_month: rangeList('day of month', int, (r) => {
      if (r.begin === 0 || r.end === 0 || Math.abs(r.begin) > 31 || Math.abs(r.end) > 31)
        return `${r.begin}:${r.end} is not a valid day of the month: out of range`;
      if (r.begin < 0 && r.end > 0) return 'end day must be negative if start day is negative';
      // Negative days count from the month's end; AM checks them against a 28-day month.
      const b = r.begin < 0 ? 28 + r.begin : r.begin;
      const e = r.end < 0 ? 28 + r.end : r.end;
      return b > e ? 'end day must be greater than start day' : null;
    }).optional(),
    months: rangeList(
      'month',
      (s) => named(MONTHS, 1)(s) ?? int(s),
      (r) =>
        r.begin < 1 || r.end > 12
          ? 'month out of range'
          : r.begin > r.end
            ? 'end month must be greater than start month'
            : null,
    ).optional(),
    years: rangeList('year', int, (r) =>
      r.begin < 0 ? 'year must be positive' : r.begin > r.end ? 'end year must be greater than start year' : null,
    ).optional(),
    location: z
      .string()
      .refine((l) => validLocation(l), { message: 'unknown time zone' })
      .optional(),
  })
  .transform(
    (t): TimeInterval => ({
      times: t.times,
      weekdays: t.weekdays,
      daysOfMonth: t.days_of_month,
      months: t.months,
      years: t.years,
      location: t.location,
    }),
  );

export const namedTimeIntervalSchema = z.strictObject({
  name: z.string().min(1),
  time_intervals: z.array(timeIntervalSchema).default([]),
});

function validLocation(l: string): boolean {
  if (l === 'Local' || l === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: l });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of `ms` in a location (Go's time.In). */
function fieldsIn(ms: number, location: string | undefined) {
  const tz = !location || location === 'UTC' ? 'UTC' : location === 'Local' ? undefined : location;
  const key = tz ?? 'Local';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'long',
    });
    formatters.set(key, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    weekday: DAYS.indexOf(p.weekday.toLowerCase()),
  };
}

const inRanges = (rs: IntRange[], v: number) => rs.some((r) => v >= r.begin && v <= r.end);

/** Alertmanager's TimeInterval.ContainsTime. */
export function containsTime(ti: TimeInterval, ms: number): boolean {
  const t = fieldsIn(ms, ti.location);
  if (
    ti.times &&
    !ti.times.some((r) => t.hour * 60 + t.minute >= r.startMinute && t.hour * 60 + t.minute < r.endMinute)
  )
    return false;
  if (ti.daysOfMonth) {
    const dim = new Date(Date.UTC(t.year, t.month, 0)).getUTCDate();
    const clamp = (n: number) => Math.min(Math.max(n, -dim), dim);
    const ok = ti.daysOfMonth.some((r) => {
      const begin = r.begin < 0 ? dim + r.begin + 1 : r.begin;
      const end = r.end < 0 ? dim + r.end + 1 : r.end;
      if (begin > dim) return false;
      return t.day >= clamp(begin) && t.day <= clamp(end);
    });
    if (!ok) return false;
  }
  if (ti.months && !inRanges(ti.months, t.month)) return false;
  if (ti.weekdays && !inRanges(ti.weekdays, t.weekday)) return false;
  if (ti.years && !inRanges(ti.years, t.year)) return false;
  return true;
}

/** Whether any of the named intervals contains `ms` (an unknown name never does). */
export function inAnyInterval(
  names: readonly string[],
  intervals: ReadonlyMap<string, TimeInterval[]>,
  ms: number,
): boolean {
  return names.some((n) => (intervals.get(n) ?? []).some((ti) => containsTime(ti, ms)));
}
