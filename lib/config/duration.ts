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

/** `90000` → `1m30s`: the shortest spelling, as Prometheus prints durations. */
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
