import { formatG } from './go-number';
import { type GoStruct, METHODS, type Methods, type Value, withMethods } from './values';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const GO_TIME_STRING = '2006-01-02 15:04:05.999999999 -0700 MST';
export const GO_ZERO_MS = -62_135_596_800_000;
const p2 = (n: number) => String(n).padStart(2, '0');

/** Wall-clock fields of `ms` shifted by `offsetMin` (the zone's offset east of UTC). */
function fields(ms: number, offsetMin: number) {
  const d = new Date(ms + offsetMin * 60_000);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    wd: d.getUTCDay(),
  };
}

function zoneOffset(ms: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(
    new Date(ms),
  );
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(parts.find((p) => p.type === 'timeZoneName')?.value ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function zoneAbbrev(ms: number, zone: string): string {
  if (zone === 'UTC') return 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(ms));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

const LAYOUT =
  /2006|2017|January|Jan|Monday|Mon|MST|Z07:00|Z0700|-07:00|-0700|-07|01|02|_2|15|03|04|05|PM|pm|\.0+|\.9+|06|1|2|3|4|5/g;

/** Go's time.Time.Format for the layout elements templates use. */
export function formatGoTime(ms: number, layout: string, zone = 'UTC'): string {
  const off = zoneOffset(ms, zone);
  const f = fields(ms, off);
  const sign = off < 0 ? '-' : '+';
  const oh = p2(Math.trunc(Math.abs(off) / 60));
  const om = p2(Math.abs(off) % 60);
  const frac = `${String(f.ms).padStart(3, '0')}000000`;
  return layout.replace(LAYOUT, (t) => {
    switch (t) {
      case '2006':
        return String(f.y).padStart(4, '0');
      case '06':
        return p2(f.y % 100);
      case 'January':
        return MONTHS[f.mo];
      case 'Jan':
        return MONTHS[f.mo].slice(0, 3);
      case '01':
        return p2(f.mo + 1);
      case '1':
        return String(f.mo + 1);
      case 'Monday':
        return DAYS[f.wd];
      case 'Mon':
        return DAYS[f.wd].slice(0, 3);
      case '02':
        return p2(f.d);
      case '_2':
        return String(f.d).padStart(2, ' ');
      case '2':
        return String(f.d);
      case '15':
        return p2(f.h);
      case '03':
        return p2(f.h % 12 || 12);
      case '3':
        return String(f.h % 12 || 12);
      case '04':
        return p2(f.mi);
      case '4':
        return String(f.mi);
      case '05':
        return p2(f.s);
      case '5':
        return String(f.s);
      case 'PM':
        return f.h >= 12 ? 'PM' : 'AM';
      case 'pm':
        return f.h >= 12 ? 'pm' : 'am';
      case 'MST':
        return zoneAbbrev(ms, zone);
      case 'Z07:00':
        return off === 0 ? 'Z' : `${sign}${oh}:${om}`;
      case 'Z0700':
        return off === 0 ? 'Z' : `${sign}${oh}${om}`;
      case '-07:00':
        return `${sign}${oh}:${om}`;
      case '-0700':
        return `${sign}${oh}${om}`;
      case '-07':
        return `${sign}${oh}`;
      default:
        if (t.startsWith('.0')) return `.${frac.slice(0, t.length - 1)}`;
        if (t.startsWith('.9')) {
          const s = frac.slice(0, t.length - 1).replace(/0+$/, '');
          return s ? `.${s}` : '';
        }
        return t;
    }
  });
}

export type GoTime = GoStruct & { readonly __ms: number; readonly __zone: string };

/** time.Time's methods are built when a template first calls one: most times are only printed or not used. */
class TimeValue {
  constructor(
    readonly __ms: number,
    readonly __zone: string,
  ) {}
  get [METHODS](): Methods {
    const { __ms: ms, __zone: zone } = this;
    return {
      String: () => formatGoTime(ms, GO_TIME_STRING, zone),
      Format: (layout) => formatGoTime(ms, String(layout), zone),
      UTC: () => goTime(ms),
      Local: () => goTime(ms),
      In: (z) => goTime(ms, String(z)),
      Unix: () => BigInt(Math.floor(ms / 1000)),
      UnixMilli: () => BigInt(Math.floor(ms)),
      IsZero: () => ms === GO_ZERO_MS,
      Sub: (other) => goDuration((ms - timeMs(other)) * 1e6),
    };
  }
}

/** A time.Time value (millisecond precision) with the methods templates call on it. */
export function goTime(ms: number, zone = 'UTC'): GoTime {
  return new TimeValue(ms, zone) as unknown as GoTime;
}

export function isGoTime(v: Value): v is GoTime {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && '__ms' in v;
}

export function timeMs(v: Value): number {
  if (isGoTime(v)) return v.__ms;
  throw new Error('expected a time.Time');
}

/** Go's time.Duration.String: `1h2m3.5s`, `150ms`, `0s`. */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  const a = Math.abs(ns);
  if (a < 1e3) return `${sign}${a}ns`;
  if (a < 1e6) return `${sign}${trimFloat(a / 1e3)}µs`;
  if (a < 1e9) return `${sign}${trimFloat(a / 1e6)}ms`;
  const h = Math.floor(a / 3.6e12);
  const m = Math.floor((a % 3.6e12) / 6e10);
  const s = (a % 6e10) / 1e9;
  return `${sign}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${trimFloat(s)}s`;
}

function trimFloat(v: number): string {
  return formatG(Number(v.toFixed(9)));
}

/** A time.Duration value (nanoseconds) printing as Go does. */
export function goDuration(ns: number): GoStruct {
  return withMethods({ __ns: ns } as GoStruct, {
    String: () => formatGoDuration(ns),
    Seconds: () => ns / 1e9,
    Minutes: () => ns / 6e10,
    Hours: () => ns / 3.6e12,
    Milliseconds: () => BigInt(Math.trunc(ns / 1e6)),
  });
}
