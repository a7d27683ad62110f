import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { logSourceSchema } from '@/lib/ingest/source-schema';
import { budgetInputSchema } from '@/lib/llm/budget-schema';
import { llmConfigSchema } from '@/lib/llm/llm-config';
import { priceInputSchema } from '@/lib/llm/price-schema';
import { maintenanceInputSchema } from '@/lib/maintenance/window-schema';
import { providerHealthConfigSchema } from '@/lib/provider-health/thresholds';
import { externalLabelsSchema, remoteWriteSchema } from '@/lib/remote-write/config-schema';
import { slosConfigSchema } from '@/lib/slo/slo-schema';
import { statusPageInputSchema } from '@/lib/status-pages/page-schema';
import { syslogSchema } from '@/lib/syslog/syslog-schema';
import { watchedProcessesSchema } from '@/lib/system/process-schema';
import { ConfigError, type ConfigProblem, problemAt, schemaProblems } from './config-error';
import { parseDuration } from './duration';
import { targetInputSchema } from './target-schema';

const durationText = z.string().refine((s) => parseDuration(s) !== null, 'must be a duration such as 30s, 5m or 7d');
const sizeText = z
  .string()
  .regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'must be a size such as 500MB or 10GB');

export const provisioningSchema = z.object({
  global: z
    .object({
      scrape_interval: durationText.optional(),
      evaluation_interval: durationText.optional(),
      system_interval: durationText.optional(),
      external_labels: externalLabelsSchema.optional(),
      remote_write_interval: durationText.optional(),
    })
    .passthrough()
    .optional(),
  targets: z.array(targetInputSchema).optional(),
  logs: z.array(logSourceSchema).optional(),
  processes: watchedProcessesSchema.optional(),
  rule_files: z.array(z.string()).optional(),
  alerting: z.record(z.string(), z.unknown()).optional(),
  retention: z
    .object({
      logs: durationText.optional(),
      checks: durationText.optional(),
      rollups: durationText.optional(),
      max_db_size: sizeText.optional(),
    })
    .optional(),
  slos: slosConfigSchema.optional(),
  status_pages: z.array(statusPageInputSchema).optional(),
  maintenance_windows: z.array(maintenanceInputSchema).optional(),
  syslog: syslogSchema.optional(),
  remote_write: remoteWriteSchema.optional(),
  provider_health: providerHealthConfigSchema.optional(),
  llm: llmConfigSchema.optional(),
  prices: z.array(priceInputSchema).optional(),
  budgets: z.array(budgetInputSchema).optional(),
});

export type Provisioning = z.infer<typeof provisioningSchema>;

export interface Settings {
  scrapeIntervalMs: number;
  evaluationIntervalMs: number;
  retention: { logsMs: number; checksMs: number; rollupsMs: number; maxDbBytes: number };
}

const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text}`);
  return Math.round(Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()]);
}

export function settingsOf(p: Provisioning): Settings {
  const d = (s: string | undefined, fallback: string) => parseDuration(s ?? fallback)!;
  return {
    scrapeIntervalMs: d(p.global?.scrape_interval, '30s'),
    evaluationIntervalMs: d(p.global?.evaluation_interval, '15s'),
    retention: {
      logsMs: d(p.retention?.logs, '7d'),
      checksMs: d(p.retention?.checks, '30d'),
      rollupsMs: d(p.retention?.rollups, '400d'),
      maxDbBytes: parseSize(p.retention?.max_db_size ?? '10GB'),
    },
  };
}

export interface LoadedProvisioning {
  config: Provisioning;
  baseDir: string;
  /** The file's text, for locating later problems (alerting, rules) by line; '' without a file. */
  text: string;
}

/** Loads and validates the provisioning file; a ConfigError names the file, line and key of every problem. */
export function loadProvisioning(file: string | null): LoadedProvisioning {
  if (!file) return { config: {}, baseDir: process.cwd(), text: '' };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [
      { key: '', line: null, reason: `cannot read the provisioning file: ${(err as Error).message}`, hint: null },
    ]);
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const lines = new LineCounter();
    parseDocument(text, { lineCounter: lines });
    const problems = doc.errors.map((e) => ({
      key: '',
      line: lines.linePos(e.pos[0]).line,
      reason: `not valid YAML: ${e.message}`,
      hint: null,
    }));
    throw new ConfigError(file, problems);
  }
  const raw: unknown = doc.toJS() ?? {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, [
      { key: '', line: 1, reason: 'must be a mapping of keys such as targets:, logs:, alerting:', hint: null },
    ]);
  }
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(raw))
    if (!(key in provisioningSchema.shape)) problems.push(problemAt(text, [key], 'unknown key'));
  const result = provisioningSchema.safeParse(raw);
  if (!result.success) problems.push(...schemaProblems(text, [], result.error.issues));
  if (problems.length || !result.success) throw new ConfigError(file, problems);
  const unique = (list: { name: string }[] | undefined, key: string) => {
    const seen = new Set<string>();
    (list ?? []).forEach((item, i) => {
      if (seen.has(item.name))
        problems.push(problemAt(text, [key, i, 'name'], `the name "${item.name}" is used twice`));
      seen.add(item.name);
    });
  };
  unique(result.data.targets, 'targets');
  unique(result.data.logs, 'logs');
  unique(result.data.slos, 'slos');
  unique(result.data.maintenance_windows, 'maintenance_windows');
  unique(
    result.data.status_pages?.map((p) => ({ name: p.slug })),
    'status_pages',
  );
  if (problems.length) throw new ConfigError(file, problems);
  return { config: result.data, baseDir: path.dirname(file), text };
}
