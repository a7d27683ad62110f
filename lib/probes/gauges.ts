const MAX_DEPTH = 8;
const MAX_GAUGES = 200;
const MAX_SEGMENT = 64;

const sanitise = (segment: string) => segment.slice(0, MAX_SEGMENT).replace(/[^a-zA-Z0-9_]/g, '_') || '_';

/** Time-unit suffixes promtool's linter refuses as abbreviations, and their factor to seconds. */
const TIME_UNITS: [RegExp, number][] = [
  [/_(ns|nanos|nanoseconds)$/, 1e-9],
  [/_(us|micros|microseconds)$/, 1e-6],
  [/_(ms|millis|milliseconds)$/, 1e-3],
  [/_(s|sec|secs)$/, 1],
];

/** `providers.healthy` → `health_providers_healthy`; gauge keys are already sanitised, so this is always a valid Prometheus name. */
export function gaugeMetricName(path: string): string {
  return gaugeSeries(path, 0).name;
}

/**
 * A body field as the series rules and /metrics see it: snake case (`responseTimeMs` → `response_time_ms`),
 * and a time in ns/us/ms/s converted to `_seconds` as Prometheus names base units (docs/api.md#derived-series).
 */
export function gaugeSeries(path: string, value: number): { name: string; value: number } {
  const snake = path
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^a-zA-Z0-9_]/g, '_')
    .toLowerCase();
  for (const [suffix, factor] of TIME_UNITS) {
    if (suffix.test(snake)) return { name: `health_${snake.replace(suffix, '_seconds')}`, value: value * factor };
  }
  return { name: `health_${snake}`, value };
}

/**
 * Numeric leaves (booleans as 0/1) of a JSON value by dotted path: `providers.healthy`, `items.0.x`.
 * Bounded (depth, count) because the body comes from a remote server we do not control.
 */
export function extractGauges(json: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  let count = 0;
  const walk = (value: unknown, path: string, depth: number): void => {
    if (count >= MAX_GAUGES) return;
    if (typeof value === 'number' || typeof value === 'boolean') {
      if (!path || Object.hasOwn(out, path)) return;
      const n = typeof value === 'boolean' ? Number(value) : value;
      if (!Number.isFinite(n)) return;
      out[path] = n;
      count++;
      return;
    }
    if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return;
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i): [string, unknown] => [String(i), v])
      : Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries) {
      if (count >= MAX_GAUGES) return;
      const seg = sanitise(key);
      walk(child, path ? `${path}.${seg}` : seg, depth + 1);
    }
  };
  walk(json, '', 0);
  return out;
}
