import type { Issue } from '@/lib/errors';
import { formatSeconds } from '@/lib/format/duration';
import { issuesToFields } from '@/lib/format/issue-fields';
import type { Labels, Rule } from '@/lib/swr/alert-types';
import type { RuleInput } from '@/lib/swr/ui-rules';

export interface RuleFormValues {
  name: string;
  expr: string;
  for: string;
  keepFiringFor: string;
  summary: string;
  description: string;
  runbookUrl: string;
  /** One `name=value` per line. */
  labels: string;
  /** Annotations other than the three above, one `name=value` per line. */
  annotations: string;
}

export const RULE_FIELDS = ['name', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'] as const;
export type RuleErrors = Partial<Record<(typeof RULE_FIELDS)[number], string>>;

const KNOWN = ['summary', 'description', 'runbook_url'] as const;

export const EMPTY_RULE: RuleFormValues = {
  name: '',
  expr: '',
  for: '1m',
  keepFiringFor: '0s',
  summary: '',
  description: '',
  runbookUrl: '',
  labels: 'severity=warning',
  annotations: '',
};

const toLines = (m: Labels) =>
  Object.entries(m)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

export function valuesFromRule(r: Rule): RuleFormValues {
  const { summary = '', description = '', runbook_url: runbookUrl = '', ...rest } = r.annotations;
  return {
    name: r.name,
    expr: r.expr,
    for: formatSeconds(r.for_s),
    keepFiringFor: formatSeconds(r.keep_firing_for_s),
    summary,
    description,
    runbookUrl,
    labels: toLines(r.labels),
    annotations: toLines(rest),
  };
}

/** `severity=critical` lines into a map; a line without `=` is reported by its number. */
export function parsePairs(text: string): { map: Labels; errors: string[] } {
  const map: Labels = {};
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const eq = line.indexOf('=');
    if (eq <= 0) errors.push(`line ${i + 1}: write name=value`);
    else map[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  });
  return { map, errors };
}

/** The request body, or the errors visible before asking; PromQL and templates are left to the API. */
export function ruleRequest(v: RuleFormValues): { body: RuleInput } | { errors: RuleErrors } {
  const labels = parsePairs(v.labels);
  const extra = parsePairs(v.annotations);
  const errors: RuleErrors = {};
  if (labels.errors.length) errors.labels = labels.errors.join('; ');
  if (extra.errors.length) errors.annotations = extra.errors.join('; ');
  if (errors.labels || errors.annotations) return { errors };
  const annotations: Labels = { ...extra.map };
  KNOWN.forEach((k, i) => {
    const value = [v.summary, v.description, v.runbookUrl][i].trim();
    if (value) annotations[k] = value;
  });
  return {
    body: {
      name: v.name,
      expr: v.expr,
      for: v.for.trim() || '0s',
      keep_firing_for: v.keepFiringFor.trim() || '0s',
      labels: labels.map,
      annotations,
    },
  };
}

/** The API's 400 issues (`expr`, `labels.x`, …) onto the fields they name. */
export function ruleFieldErrors(failure: { message: string; issues: Issue[] }): {
  fields: RuleErrors;
  general: string[];
} {
  // Keep the key in the text: an issue at `annotations.summary` shows under the field as `summary: …`.
  return issuesToFields(failure, RULE_FIELDS, (_field, rest, text) =>
    rest.length ? `${rest.join('.')}: ${text}` : text,
  );
}
