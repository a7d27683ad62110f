const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };
const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Parses a Prometheus duration (`1h30m`, `500ms`, `7d`); throws naming the bad text. */
export function parseDuration(text: string): number {
  const s = text.trim();
  if (s === '0') return 0;
  const m = DURATION_RE.exec(s);
  if (!s || !m || m.slice(1).every((x) => x === undefined)) {
    throw new Error(`not a valid duration: "${text}" (use e.g. 30s, 5m, 1h, 7d)`);
  }
  const order = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
  return order.reduce((acc, unit, i) => acc + (m[i + 1] ? Number(m[i + 1]) * UNITS[unit] : 0), 0);
}

/** Formats milliseconds the way Prometheus prints durations (`1h30m`, `0s`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const unit of ['y', 'w', 'd', 'h', 'm', 's', 'ms']) {
    const n = Math.floor(rest / UNITS[unit]);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * UNITS[unit];
    }
  }
  return out;
}
