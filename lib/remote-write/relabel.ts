import { createHash } from 'node:crypto';
import { z } from 'zod';
import { compileAnchoredRe2 } from '@/lib/regex/re2';
import { expandReplacement } from '@/lib/rules/promql/label-functions';

const ACTIONS = [
  'replace',
  'keep',
  'drop',
  'keepequal',
  'dropequal',
  'hashmod',
  'labelmap',
  'labeldrop',
  'labelkeep',
  'lowercase',
  'uppercase',
] as const;
type Action = (typeof ACTIONS)[number];

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
// Prometheus's relabelTarget: a label name in which `$1`/`${name}` references may stand for parts.
const REPLACE_TARGET = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;
const DEFAULTS = { separator: ';', regex: '(.*)', replacement: '$1' } as const;

const regexText = z.string().superRefine((s, ctx) => {
  try {
    compileAnchoredRe2(s);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `invalid regex: ${(e as Error).message}` });
  }
});

/** One of Prometheus's relabel_configs, with its defaults and its own validation (model/relabel). */
export const relabelConfigSchema = z
  .strictObject({
    source_labels: z.array(z.string().regex(LABEL_NAME, 'a source label must be a label name')).optional(),
    separator: z.string().optional(),
    regex: regexText.optional(),
    modulus: z.number().int().nonnegative().optional(),
    target_label: z.string().optional(),
    replacement: z.string().optional(),
    action: z.enum(ACTIONS, { error: `action must be one of ${ACTIONS.join(', ')}` }).default('replace'),
  })
  .superRefine((c, ctx) => {
    const problem = (message: string, key: string) => ctx.addIssue({ code: 'custom', message, path: [key] });
    if (c.action === 'hashmod' && !c.modulus)
      problem('relabel configuration for hashmod requires non-zero modulus', 'modulus');
    const needsTarget = ['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'];
    if (needsTarget.includes(c.action) && !c.target_label)
      problem(`relabel configuration for ${c.action} action requires 'target_label' value`, 'action');
    else if (c.action === 'replace' && c.target_label && !REPLACE_TARGET.test(c.target_label))
      problem(`"${c.target_label}" is invalid 'target_label' for replace action`, 'target_label');
    else if (
      ['hashmod', 'lowercase', 'uppercase'].includes(c.action) &&
      c.target_label &&
      !LABEL_NAME.test(c.target_label)
    )
      problem(`"${c.target_label}" is invalid 'target_label' for ${c.action} action`, 'target_label');
    const onlyRegex = c.action === 'labeldrop' || c.action === 'labelkeep';
    const extra =
      c.source_labels !== undefined ||
      c.target_label !== undefined ||
      c.modulus !== undefined ||
      (c.separator ?? ';') !== ';' ||
      (c.replacement ?? '$1') !== '$1';
    if (onlyRegex && extra) problem(`${c.action} action requires only 'regex', and no other fields`, 'action');
  });

export type RelabelConfig = z.input<typeof relabelConfigSchema>;
type ParsedRelabel = z.output<typeof relabelConfigSchema>;

export interface CompiledRelabel {
  action: Action;
  sourceLabels: string[];
  separator: string;
  regex: RegExp;
  modulus: number;
  targetLabel: string;
  replacement: string;
}

export function compileRelabel(c: ParsedRelabel): CompiledRelabel {
  return {
    action: c.action,
    sourceLabels: c.source_labels ?? [],
    separator: c.separator ?? DEFAULTS.separator,
    regex: compileAnchoredRe2(c.regex ?? DEFAULTS.regex),
    modulus: c.modulus ?? 0,
    targetLabel: c.target_label ?? '',
    replacement: c.replacement ?? DEFAULTS.replacement,
  };
}

/** Prometheus's hashmod: the last 8 bytes of the MD5 sum as a big-endian uint64, modulo `modulus`. */
function hashmod(value: string, modulus: number): string {
  const sum = createHash('md5').update(value).digest();
  return String(sum.readBigUInt64BE(8) % BigInt(modulus));
}

function step(labels: Record<string, string>, c: CompiledRelabel): Record<string, string> | null {
  const val = c.sourceLabels.map((n) => labels[n] ?? '').join(c.separator);
  switch (c.action) {
    case 'drop':
      return c.regex.test(val) ? null : labels;
    case 'keep':
      return c.regex.test(val) ? labels : null;
    case 'dropequal':
      return (labels[c.targetLabel] ?? '') === val ? null : labels;
    case 'keepequal':
      return (labels[c.targetLabel] ?? '') === val ? labels : null;
    case 'replace': {
      const m = c.regex.exec(val);
      if (!m) return labels;
      const out = { ...labels };
      const target = expandReplacement(c.targetLabel, m);
      if (!LABEL_NAME.test(target)) {
        delete out[c.targetLabel];
        return out;
      }
      const res = expandReplacement(c.replacement, m);
      if (res === '') delete out[target];
      else out[target] = res;
      return out;
    }
    case 'lowercase':
      return { ...labels, [c.targetLabel]: val.toLowerCase() };
    case 'uppercase':
      return { ...labels, [c.targetLabel]: val.toUpperCase() };
    case 'hashmod':
      return { ...labels, [c.targetLabel]: hashmod(val, c.modulus) };
    case 'labelmap': {
      const out = { ...labels };
      for (const [name, value] of Object.entries(labels)) {
        const m = c.regex.exec(name);
        if (m) out[expandReplacement(c.replacement, m)] = value;
      }
      return out;
    }
    case 'labeldrop':
    case 'labelkeep': {
      const keep = c.action === 'labelkeep';
      return Object.fromEntries(Object.entries(labels).filter(([name]) => c.regex.test(name) === keep));
    }
  }
}

/**
 * Applies relabel configs in order, each to the previous one's output, as Prometheus's relabel.Process does: null
 * when a keep/drop removed the series or no label is left. Empty values are removed, as in a labels.Builder.
 */
export function relabel(
  labels: Record<string, string>,
  configs: readonly CompiledRelabel[],
): Record<string, string> | null {
  let out: Record<string, string> | null = labels;
  for (const c of configs) {
    out = step(out, c);
    if (out === null) return null;
  }
  const kept = Object.entries(out).filter(([, v]) => v !== '');
  return kept.length === 0 ? null : Object.fromEntries(kept);
}
