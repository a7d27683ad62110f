import { wallToUtc } from './formats/zone';
import { dayStartMs, fastRfc3339 } from './time-fast';
import type { TsIssue } from './types';

const ISO_BODY = String.raw`(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9})\d*)?)?)?[ ]?(Z|z|[+-]\d{2}(?::?\d{2})?)?`;
// Go's time.String() (logrus's old text format): `2016-09-02 16:43:04.893614 -0400 EDT m=+0.01`.
const ISO_FULL = new RegExp(`^${ISO_BODY}(?: ([A-Z]{3,5}))?(?: m=[+-][\\d.]+)?$`);
const ISO_LEADING = new RegExp(ISO_BODY, 'y');
const NGINX_BODY = String.raw`(\d{2})/([A-Z][a-z]{2})/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?: ([+-]\d{4}))?`;
const NGINX_FULL = new RegExp(`^${NGINX_BODY}$`);
const NGINX_LEADING = new RegExp(NGINX_BODY, 'y');
const NUMERIC = /^\d{1,20}(?:\.\d+)?$/;
const MONTHS: Record<string, number> = {
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
/** Abbreviations with one meaning in practice (PostgreSQL's and Go's defaults); IST, CST… are not. */
export const ZONE_ABBREVIATIONS: Record<string, string> = {
  UTC: 'Z',
  GMT: 'Z',
  UT: 'Z',
  EST: '-05:00',
  EDT: '-04:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  JST: '+09:00',
};

/** Offsets as `Z`, `+01:00`, `+0100` or `+01` → minutes east of UTC; no offset means UTC. */
function offsetMinutes(tz: string | undefined): number | null {
  if (!tz || tz === 'Z' || tz === 'z') return 0;
  const sign = tz[0] === '-' ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return h > 23 || m > 59 ? null : sign * (h * 60 + m);
}

function civilToMs(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  frac: string | undefined,
  tz: string | undefined,
  zone: string | null,
): number | null {
  if (h > 23 || mi > 59 || s > 60) return null;
  const day = dayStartMs(y, mo, d);
  const off = offsetMinutes(tz);
  if (day === null || off === null) return null;
  // Sub-millisecond digits are dropped on purpose: ts is integer epoch ms.
  const ms = frac ? Number(`${frac}00`.slice(0, 3)) : 0;
  const wall = day + h * 3_600_000 + mi * 60_000 + Math.min(s, 59) * 1000 + ms;
  // A time without an offset is in the source's pinned zone, else UTC.
  return !tz && zone ? wallToUtc(wall, zone) : wall - off * 60_000;
}

function isoMatchToMs(m: RegExpExecArray, zone: string | null): number | null {
  let tz = m[8];
  if (!tz && m[9]) {
    // A zone abbreviation alone: only unambiguous ones are trusted; others are unreadable, not guessed.
    const known = ZONE_ABBREVIATIONS[m[9]];
    if (known === undefined) return null;
    tz = known;
  }
  return civilToMs(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, m[7], tz, zone);
}

function nginxMatchToMs(m: RegExpExecArray, zone: string | null): number | null {
  const mo = MONTHS[m[2]];
  return mo ? civilToMs(+m[3], mo, +m[1], +m[4], +m[5], +m[6], undefined, m[7], zone) : null;
}

/** Epoch seconds, ms, µs or ns by magnitude; values before 2001-09 (< 1e9 s) are not plausible log times. */
export function epochToMs(n: number): number | null {
  if (!Number.isFinite(n) || n < 1e9) return null;
  if (n < 1e11) return Math.floor(n * 1000);
  if (n < 1e14) return Math.floor(n);
  if (n < 1e17) return Math.floor(n / 1e3);
  if (n < 1e20) return Math.floor(n / 1e6);
  return null;
}

/** RFC 3339 / ISO 8601 (any fraction, `T` or space), nginx `27/Nov/2026:10:00:00 +0000`, epoch numbers or numeric strings, `{seconds,nanos}`. */
export function parseTimestamp(value: unknown, zone: string | null = null): number | null {
  if (typeof value === 'number') return epochToMs(value);
  if (typeof value === 'string') {
    const s = value.length > 64 ? '' : value.trim();
    if (s.length < 8) return null;
    const c = s.charCodeAt(4);
    if (c === 45 /* - */) {
      const fast = fastRfc3339(s);
      if (fast !== undefined) return fast;
      const m = ISO_FULL.exec(s);
      return m ? isoMatchToMs(m, zone) : null;
    }
    if (c === 47 || s.charCodeAt(2) === 47 /* / */) {
      const m = NGINX_FULL.exec(s);
      return m ? nginxMatchToMs(m, zone) : null;
    }
    return NUMERIC.test(s) ? epochToMs(Number(s)) : null;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
    const sec = typeof seconds === 'string' ? Number(seconds) : seconds;
    if (typeof sec !== 'number' || !Number.isFinite(sec)) return null;
    return epochToMs(sec + (typeof nanos === 'number' ? nanos / 1e9 : 0));
  }
  return null;
}

/** A timestamp at `pos` of a text line (ISO-like or nginx/CLF); `end` is where it stops. */
export function matchLeadingTimestamp(
  line: string,
  pos: number,
  zone: string | null = null,
): { ms: number | null; end: number } | null {
  const first = line.charCodeAt(pos);
  if (first < 48 || first > 57) return null;
  const iso = line.charCodeAt(pos + 4) === 45;
  const re = iso ? ISO_LEADING : NGINX_LEADING;
  re.lastIndex = pos;
  const m = re.exec(line);
  if (!m || (iso && !m[4])) return null;
  return { ms: iso ? isoMatchToMs(m, zone) : nginxMatchToMs(m, zone), end: re.lastIndex };
}

export interface ResolvedTime {
  ts: number;
  tsFallback: boolean;
  tsIssue: TsIssue | null;
}

/** `ms` from the line (undefined when it had no time) → final ts; far future (> receivedAt + 1 day) is not trusted. */
export function resolveTime(ms: number | null | undefined, receivedAt: number): ResolvedTime {
  if (ms === undefined) return { ts: receivedAt, tsFallback: true, tsIssue: 'missing' };
  if (ms === null) return { ts: receivedAt, tsFallback: true, tsIssue: 'unparseable' };
  if (ms > receivedAt + ONE_DAY_MS) return { ts: receivedAt, tsFallback: true, tsIssue: 'future' };
  return { ts: ms, tsFallback: false, tsIssue: null };
}
