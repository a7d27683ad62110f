import { localParts, offsetAt } from './zone';

/**
 * A parsed 5-field cron expression with Vixie/Debian cron's semantics (docs/monitors.md#cron-schedules):
 * day-of-month and day-of-week are OR-ed unless either field starts with `*`, and jobs at a fixed
 * time (neither minute nor hour starts with `*`) run once across DST changes.
 */
export interface Cron {
  minutes: readonly number[];
  hours: readonly number[];
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0–6, Sunday is 0 (7 is folded into 0). */
  weekdays: ReadonlySet<number>;
  dayAnd: boolean;
  /** Fixed-time job: a time skipped by DST runs at the jump, a repeated time runs once. */
  fixed: boolean;
}

export type CronParse = { ok: true; cron: Cron } | { ok: false; error: string };

const ALIASES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** The value of names[0]. */
  base?: number;
}

const FIELDS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, base: 1 },
  { name: 'day-of-week', min: 0, max: 7, names: DAYS, base: 0 },
];

function value(spec: FieldSpec, text: string): number | string {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + (spec.base ?? 0);
  if (!/^\d+$/.test(text)) return `"${text}" is not a number${spec.names ? ' or a name' : ''}`;
  const n = Number(text);
  if (n < spec.min || n > spec.max) return `${n} is not between ${spec.min} and ${spec.max}`;
  return n;
}

/** One comma-separated term: `*`, `n`, `a-b`, each with an optional `/step` (`n/step` runs to the field's max). */
function term(spec: FieldSpec, text: string, out: Set<number>): string | null {
  const [range, stepText, extra] = text.split('/');
  if (extra !== undefined) return `"${text}" has more than one /`;
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText) || Number(stepText) === 0) return `step "${stepText}" must be a whole number above 0`;
    step = Number(stepText);
  }
  let lo = spec.min;
  let hi = spec.max;
  if (range !== '*') {
    const [a, b, more] = range.split('-');
    if (more !== undefined || a === '' || b === '') return `"${range}" is not a value or a range a-b`;
    const first = value(spec, a);
    if (typeof first === 'string') return first;
    lo = first;
    hi = stepText !== undefined ? spec.max : first;
    if (b !== undefined) {
      const last = value(spec, b);
      if (typeof last === 'string') return last;
      if (last < first) return `range ${range} runs backwards`;
      hi = last;
    }
  }
  for (let v = lo; v <= hi; v += step) out.add(v);
  return null;
}

function field(spec: FieldSpec, text: string): Set<number> | string {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const error = part === '' ? 'an empty list item' : term(spec, part, out);
    if (error) return `${spec.name} field "${text}": ${error}`;
  }
  return out;
}

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

/** Parses `m h dom mon dow` or an `@daily`-style alias; the error names the field and what is wrong. */
export function parseCron(expression: string): CronParse {
  const text = expression.trim();
  const expanded = text.startsWith('@') ? ALIASES[text.toLowerCase()] : text;
  if (expanded === undefined)
    return { ok: false, error: `unknown alias ${text} (use @yearly, @monthly, @weekly, @daily or @hourly)` };
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5)
    return {
      ok: false,
      error: `a cron expression has 5 fields (minute hour day-of-month month day-of-week), not ${parts.length}`,
    };
  const sets: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const s = field(FIELDS[i], parts[i]);
    if (typeof s === 'string') return { ok: false, error: s };
    sets.push(s);
  }
  const [minutes, hours, days, months, dow] = sets;
  const weekdays = new Set([...dow].map((d) => d % 7));
  const dayAnd = parts[2].startsWith('*') || parts[4].startsWith('*');
  if (Math.min(...days) > Math.max(...[...months].map((m) => DAYS_IN_MONTH[m])))
    return { ok: false, error: `day-of-month field "${parts[2]}": no chosen month has that day, so it never runs` };
  const fixed = !parts[0].startsWith('*') && !parts[1].startsWith('*');
  return { ok: true, cron: { minutes: sorted(minutes), hours: sorted(hours), days, months, weekdays, dayAnd, fixed } };
}

const DAY_MS = 86_400_000;

function dayMatches(cron: Cron, dayUtc: number): boolean {
  const d = new Date(dayUtc);
  if (!cron.months.has(d.getUTCMonth() + 1)) return false;
  const dom = cron.days.has(d.getUTCDate());
  const dow = cron.weekdays.has(d.getUTCDay());
  return cron.dayAnd ? dom && dow : dom || dow;
}

/** The first instant in (from, to] at the offset `after`: the DST change between two offsets. */
function changeAt(tz: string, from: number, to: number, after: number): number {
  let lo = from;
  let hi = to;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(tz, mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

function firesOnDay(cron: Cron, tz: string, dayUtc: number): number[] {
  if (!dayMatches(cron, dayUtc)) return [];
  const before = offsetAt(tz, dayUtc - DAY_MS);
  const after = offsetAt(tz, dayUtc + 2 * DAY_MS);
  // Most days are far from a DST change: one offset serves every time of the day.
  const change = before === after ? null : changeAt(tz, dayUtc - DAY_MS, dayUtc + 2 * DAY_MS, after);
  const out: number[] = [];
  for (const h of cron.hours)
    for (const m of cron.minutes) {
      const local = dayUtc + h * 3_600_000 + m * 60_000;
      if (change === null) {
        out.push(local - before);
        continue;
      }
      // A local time exists before the change, after it, both (repeated) or neither (skipped).
      const times = [local - before, local - after].filter((u, i) => (i === 0 ? u < change : u >= change));
      times.sort((x, y) => x - y);
      if (times.length === 0) {
        if (cron.fixed) out.push(change);
      } else out.push(...(cron.fixed ? times.slice(0, 1) : times));
    }
  return out;
}

/** Local midnight of the day `t` falls on in `tz`, as a UTC timestamp of that calendar date. */
function localDay(tz: string, t: number): number {
  const p = localParts(tz, t);
  return Date.UTC(p.year, p.month - 1, p.day);
}

// 28 years: the calendar repeats, so a schedule that has not fired by then never will (Feb 29 on a Monday…).
const HORIZON_DAYS = 28 * 366;

/** The first time the schedule fires strictly after `t` (epoch ms), or null if it never does. */
export function nextFire(cron: Cron, tz: string, t: number): number | null {
  const start = localDay(tz, t) - DAY_MS;
  let best: number | null = null;
  let bestDay = 0;
  for (let i = 0; i < HORIZON_DAYS; i++) {
    const day = start + i * DAY_MS;
    // A day's fires come before the next day's but for a repeated hour across midnight: look one day further.
    if (best !== null && day > bestDay + DAY_MS) return best;
    for (const u of firesOnDay(cron, tz, day))
      if (u > t && (best === null || u < best)) {
        best = u;
        bestDay = day;
      }
  }
  return best;
}

/** The last time the schedule fired at or before `t`, or null if it did not within 28 years. */
export function prevFire(cron: Cron, tz: string, t: number): number | null {
  const start = localDay(tz, t) + DAY_MS;
  let best: number | null = null;
  let bestDay = 0;
  for (let i = 0; i < HORIZON_DAYS; i++) {
    const day = start - i * DAY_MS;
    if (best !== null && day < bestDay - DAY_MS) return best;
    for (const u of firesOnDay(cron, tz, day))
      if (u <= t && (best === null || u > best)) {
        best = u;
        bestDay = day;
      }
  }
  return best;
}

/** The next `n` fires after `t`. */
export function nextFires(cron: Cron, tz: string, t: number, n: number): number[] {
  const out: number[] = [];
  let at = t;
  while (out.length < n) {
    const next = nextFire(cron, tz, at);
    if (next === null) break;
    out.push(next);
    at = next;
  }
  return out;
}
