import { formatG } from '@/lib/template/go-number';

const SMALL = ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];
const UNITS = { y: 31_536_000_000, w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;

export type DurationParts = { days: number; hours: number; minutes: number; seconds: number };

/** Whole days, hours, minutes and seconds of a non-negative number of seconds (truncated). */
export function splitSeconds(total: number): DurationParts {
  const s = Math.trunc(total);
  return {
    days: Math.trunc(s / 86_400),
    hours: Math.trunc(s / 3_600) % 24,
    minutes: Math.trunc(s / 60) % 60,
    seconds: s % 60,
  };
}

/** Prometheus's humanizeDuration template function, exactly: seconds in, `1d 2h 3m 4s`, `1.5s`, `500ms` out. */
export function humanizeDuration(input: number): string {
  let v = input;
  if (!Number.isFinite(v)) return formatG(v, 4);
  if (v === 0) return `${formatG(v, 4)}s`;
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? '-' : '';
    const { days, hours, minutes, seconds } = splitSeconds(Math.abs(v));
    if (days !== 0) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours !== 0) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes !== 0) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${formatG(Math.abs(v), 4)}s`;
  }
  let prefix = '';
  for (const p of SMALL) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${formatG(v, 4)}${prefix}s`;
}

/** The UI's elapsed time: the two largest units of humanizeDuration, spaced: `45 s`, `3 min 20 s`, `2 h 5 min`, `3 d 4 h`. */
export function formatElapsed(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const { days, hours, minutes, seconds: secs } = splitSeconds(Math.round(seconds));
  const parts: [number, string][] = days
    ? [
        [days, 'd'],
        [hours, 'h'],
      ]
    : hours
      ? [
          [hours, 'h'],
          [minutes, 'min'],
        ]
      : minutes
        ? [
            [minutes, 'min'],
            [secs, 's'],
          ]
        : [[secs, 's']];
  return parts
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, u]) => `${n} ${u}`)
    .join(' ');
}

/** `90000` → `1m30s`: the shortest spelling, as Prometheus prints durations (rule `for`, intervals, timeouts). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.round(ms);
  let out = '';
  for (const [unit, size] of Object.entries(UNITS)) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

/** Seconds in the same spelling (rule `for`, group intervals): `0s`, `2s`, `5m`, `1h30m`. */
export function formatSeconds(seconds: number): string {
  return formatDuration(seconds * 1000);
}
