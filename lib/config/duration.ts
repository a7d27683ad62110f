export { formatDuration } from '@/lib/format/duration';

const UNITS = { y: 31_536_000_000, w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/gy;

/** Parses a Prometheus-style duration (`500ms`, `30s`, `1h30m`, `7d`, `0`) into milliseconds; null when invalid. */
export function parseDuration(text: string): number | null {
  const s = text.trim();
  if (s === '0') return 0;
  if (!s) return null;
  let total = 0;
  PART.lastIndex = 0;
  let pos = 0;
  for (let m = PART.exec(s); m; m = PART.exec(s)) {
    total += Number(m[1]) * UNITS[m[2] as keyof typeof UNITS];
    pos = PART.lastIndex;
  }
  return pos === s.length && pos > 0 ? Math.round(total) : null;
}
