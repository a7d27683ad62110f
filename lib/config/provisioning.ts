import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseDuration } from './duration';
import { targetInputSchema } from './target-schema';
import { logSourceSchema } from '@/lib/ingest/source-schema';
import { watchedProcessesSchema } from '@/lib/system/process-schema';

const durationText = z.string().refine((s) => parseDuration(s) !== null, 'must be a duration such as 30s, 5m or 7d');
const sizeText = z.string().regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'must be a size such as 500MB or 10GB');

export const provisioningSchema = z.object({
  global: z
    .object({ scrape_interval: durationText.optional(), evaluation_interval: durationText.optional(), system_interval: durationText.optional() })
    .passthrough()
    .optional(),
  targets: z.array(targetInputSchema).optional(),
  logs: z.array(logSourceSchema).optional(),
  processes: watchedProcessesSchema.optional(),
  rule_files: z.array(z.string()).optional(),
  alerting: z.record(z.string(), z.unknown()).optional(),
  retention: z
    .object({ logs: durationText.optional(), checks: durationText.optional(), rollups: durationText.optional(), max_db_size: sizeText.optional() })
    .optional(),
});

export type Provisioning = z.infer<typeof provisioningSchema>;

export interface Settings {
  scrapeIntervalMs: number;
  evaluationIntervalMs: number;
  retention: { logsMs: number; checksMs: number; rollupsMs: number; maxDbBytes: number };
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

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

/** Loads and validates the provisioning file; errors name the file and the offending key. */
export function loadProvisioning(file: string | null): { config: Provisioning; baseDir: string } {
  if (!file) return { config: {}, baseDir: process.cwd() };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the provisioning file ${file}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (err) {
    throw new Error(`${file} is not valid YAML: ${(err as Error).message}`);
  }
  const result = provisioningSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${file} is invalid: ${issues}`);
  }
  const names = new Set<string>();
  for (const t of result.data.targets ?? []) {
    if (names.has(t.name)) throw new Error(`${file} is invalid: targets: the name "${t.name}" is used twice`);
    names.add(t.name);
  }
  const sources = new Set<string>();
  for (const l of result.data.logs ?? []) {
    if (sources.has(l.name)) throw new Error(`${file} is invalid: logs: the name "${l.name}" is used twice`);
    sources.add(l.name);
  }
  return { config: result.data, baseDir: path.dirname(file) };
}
