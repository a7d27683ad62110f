/** IANA zones → UTC offsets via Intl, cached per zone and hour: a source's lines share both. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const HOUR_MS = 3_600_000;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for a name Intl knows (`Europe/Berlin`, `UTC`); the schema checks pinned zones with it. */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC that `zone` observes at the instant `utcMs`. */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR_MS);
  const key = `${zone}|${hour}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(hour * HOUR_MS)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const minutes = Math.round((wall - hour * HOUR_MS) / 60_000);
  if (offsets.size > 4096) offsets.clear();
  offsets.set(key, minutes);
  return minutes;
}

/**
 * A wall-clock time (written as if it were UTC) in `zone` → epoch ms. Two passes settle DST edges;
 * a time skipped by a spring-forward gap lands just after it, a repeated one on its first reading.
 */
export function wallToUtc(wallMs: number, zone: string): number {
  const first = wallMs - zoneOffsetMinutes(zone, wallMs) * 60_000;
  const second = wallMs - zoneOffsetMinutes(zone, first) * 60_000;
  return second;
}
