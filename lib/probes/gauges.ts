const MAX_DEPTH = 8;
const MAX_GAUGES = 200;
const MAX_SEGMENT = 64;

const sanitise = (segment: string) => segment.slice(0, MAX_SEGMENT).replace(/[^a-zA-Z0-9_]/g, '_') || '_';

/** `providers.healthy` → `health_providers_healthy`; gauge keys are already sanitised, so this is always a valid Prometheus name. */
export function gaugeMetricName(path: string): string {
  return `health_${path.replace(/[^a-zA-Z0-9_]/g, '_')}`;
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
