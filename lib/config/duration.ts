const UNITS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 } as const;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/gy;

/** Parses a Prometheus-style duration (`500ms`, `30s`, `1h30m`, `7d`) into milliseconds; null when invalid. */
export function parseDuration(text: string): number | null {
  const s = text.trim();
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

/** `90000` → `1m30s`: the shortest Prometheus-style spelling, for display and export. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.round(ms);
  let out = '';
  for (const [unit, size] of [['d', UNITS.d], ['h', UNITS.h], ['m', UNITS.m], ['s', UNITS.s], ['ms', UNITS.ms]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
