import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { durationSchema } from '@/lib/config/duration-schema';
import { type Expr, parsePromQL, UnsupportedError } from './promql';
import { checkTemplate } from './template';

export type AlertRuleDef = {
  kind: 'alert' | 'record';
  name: string;
  exprText: string;
  /** null when the expression uses PromQL Lookout does not evaluate; `unsupported` says what. */
  expr: Expr | null;
  unsupported: string | null;
  forMs: number;
  keepFiringForMs: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
};

export type RuleGroupDef = { name: string; file: string; intervalMs: number; limit: number; rules: AlertRuleDef[] };

const labelValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const labelMap = z.record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'invalid label name'), labelValue);
const duration = durationSchema;
const ruleSchema = z.strictObject({
  alert: z.string().min(1).optional(),
  record: z.string().min(1).optional(),
  expr: z.union([z.string(), z.number()]).transform(String),
  for: duration.optional(),
  keep_firing_for: duration.optional(),
  labels: labelMap.nullish(),
  annotations: labelMap.nullish(),
});
const groupSchema = z.strictObject({
  name: z.string().min(1),
  interval: duration.optional(),
  query_offset: duration.optional(),
  limit: z.number().int().min(0).optional(),
  labels: labelMap.nullish(),
  rules: z.array(z.unknown()).nullish(),
});
const fileSchema = z.strictObject({ groups: z.array(z.unknown()).nullish() });

function issues(err: z.ZodError): string {
  return err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Parses one Prometheus rule file; errors name the file, group and rule. */
export function parseRuleFile(text: string, file: string, defaultIntervalMs: number): RuleGroupDef[] {
  let doc: unknown;
  try {
    doc = parseYaml(text) ?? {};
  } catch (err) {
    throw new Error(`${file}: invalid YAML: ${(err as Error).message}`);
  }
  const top = fileSchema.safeParse(doc);
  if (!top.success) throw new Error(`${file}: ${issues(top.error)}`);
  const seen = new Set<string>();
  return (top.data.groups ?? []).map((raw, gi) => {
    const g = groupSchema.safeParse(raw);
    if (!g.success) throw new Error(`${file}: group ${gi + 1}: ${issues(g.error)}`);
    const where = `${file}: group "${g.data.name}"`;
    if (seen.has(g.data.name)) throw new Error(`${where}: repeated in the same file`);
    seen.add(g.data.name);
    if (g.data.query_offset) throw new Error(`${where}: query_offset is not supported`);
    const rules = (g.data.rules ?? []).map((r, ri) => parseRule(r, `${where}, rule ${ri + 1}`, g.data.labels ?? {}));
    return {
      name: g.data.name,
      file,
      intervalMs: g.data.interval ?? defaultIntervalMs,
      limit: g.data.limit ?? 0,
      rules,
    };
  });
}

function parseRule(raw: unknown, where: string, groupLabels: Record<string, string>): AlertRuleDef {
  const r = ruleSchema.safeParse(raw);
  if (!r.success) throw new Error(`${where}: ${issues(r.error)}`);
  const d = r.data;
  if (!d.alert === !d.record) throw new Error(`${where}: exactly one of "alert" or "record" must be set`);
  const name = (d.alert ?? d.record) as string;
  const at = `${where} ("${name}")`;
  if (d.record && (d.for !== undefined || d.keep_firing_for !== undefined || d.annotations)) {
    throw new Error(`${at}: for, keep_firing_for and annotations are only allowed on alerting rules`);
  }
  let expr: Expr | null = null;
  let unsupported: string | null = null;
  try {
    expr = parsePromQL(d.expr);
  } catch (err) {
    if (!(err instanceof UnsupportedError)) throw new Error(`${at}: expr: ${(err as Error).message}`);
    unsupported = err.message;
  }
  if (d.record) unsupported = 'recording rules are not supported by Lookout (only alerting rules)';
  const labels = { ...groupLabels, ...(d.labels ?? {}) };
  const annotations = d.annotations ?? {};
  for (const [k, v] of [...Object.entries(labels), ...Object.entries(annotations)]) {
    try {
      checkTemplate(v, d.alert ?? '');
    } catch (err) {
      throw new Error(`${at}: template of "${k}": ${(err as Error).message}`);
    }
  }
  return {
    kind: d.record ? 'record' : 'alert',
    name,
    exprText: d.expr,
    expr,
    unsupported,
    forMs: d.for ?? 0,
    keepFiringForMs: d.keep_firing_for ?? 0,
    labels,
    annotations,
  };
}

const GLOB = /[*?[]/;

/** Expands a glob in the last path segment (`rules/*.yml`), as Prometheus's rule_files allow. */
function expandGlob(pattern: string, baseDir: string): string[] {
  if (!GLOB.test(pattern)) return [pattern];
  const dir = path.dirname(pattern);
  if (GLOB.test(dir)) throw new Error(`${pattern}: globs are only supported in the file name`);
  const re = new RegExp(
    `^${path
      .basename(pattern)
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  let names: string[];
  try {
    names = readdirSync(path.resolve(baseDir, dir));
  } catch {
    return [];
  }
  return names
    .filter((n) => re.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

/** Loads rule_files (a glob in the file name is expanded); relative paths are relative to baseDir. */
export function loadRuleFiles(files: readonly string[], baseDir: string, defaultIntervalMs: number): RuleGroupDef[] {
  return files
    .flatMap((p) => expandGlob(p, baseDir))
    .flatMap((f) => {
      const full = path.resolve(baseDir, f);
      let text: string;
      try {
        text = readFileSync(full, 'utf8');
      } catch (err) {
        throw new Error(
          `${f}: cannot read rule file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        );
      }
      return parseRuleFile(text, f, defaultIntervalMs);
    });
}
