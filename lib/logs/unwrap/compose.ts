import type { Unwrapped } from './types';

// `docker compose logs`: `web-1  | …` (v2) or `app_web_1  | …` (v1). Only names ending in a replica number
// count, so `INFO | message` and `host | x` tables are never taken for a prefix.
const COMPOSE = /^([A-Za-z0-9][\w.-]*[-_]\d+) +\| ?(.*)$/s;

export function unwrapCompose(line: string): Unwrapped | null {
  const bar = line.indexOf(' |');
  if (bar < 3 || bar > 128) return null;
  const m = COMPOSE.exec(line);
  if (!m) return null;
  return { text: m[2], partial: false, facts: { kind: 'compose', container: m[1] } };
}
