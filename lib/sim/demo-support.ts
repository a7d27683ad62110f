import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { PHASE_DESCRIPTIONS, type Phase } from './scenario';
import type { TallySnapshot } from './tally';

export const DEFAULT_SIM_PORT = 3456;

interface DemoConfig {
  targets?: { url?: string }[];
  logs?: { path?: string }[];
  rule_files?: string[];
  alerting?: { receivers?: { webhook_configs?: { url?: string }[] }[] };
  [key: string]: unknown;
}

function withPort(url: string, port: number): string {
  const u = new URL(url);
  if (u.port === String(DEFAULT_SIM_PORT)) u.port = String(port);
  return u.toString();
}

/**
 * The demo provisioning file pointed at another simulator port. The copy lives
 * elsewhere, so relative log and rule file paths are made absolute against the original's folder.
 */
export function demoConfigForPort(yamlText: string, port: number, originalDir: string): string {
  const config = (parseYaml(yamlText) ?? {}) as DemoConfig;
  for (const t of config.targets ?? []) if (t.url) t.url = withPort(t.url, port);
  for (const r of config.alerting?.receivers ?? [])
    for (const w of r.webhook_configs ?? []) if (w.url) w.url = withPort(w.url, port);
  for (const l of config.logs ?? []) {
    if (l.path && !path.isAbsolute(l.path)) l.path = path.resolve(originalDir, l.path);
  }
  config.rule_files = (config.rule_files ?? []).map((f) => (path.isAbsolute(f) ? f : path.resolve(originalDir, f)));
  return stringifyYaml(config);
}

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** One line for the terminal when the incident phase changes. */
export function describePhase(phase: Phase, startedMs: number, tally: TallySnapshot): string {
  const t = tally.totals;
  const until = clockTime(startedMs + phase.endMs);
  return (
    `[sim] ${clockTime(startedMs + phase.startMs)} phase ${phase.name} (until ${until} UTC): ${PHASE_DESCRIPTIONS[phase.name]}\n` +
    `      so far: ${t.requests} requests, ${t.errors} errors (≥500), ${t.rate_limited} rate-limited (429), ${tally.lines} log lines`
  );
}
