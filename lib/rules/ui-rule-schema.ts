import { z } from 'zod';
import { durationSchema } from '@/lib/config/duration-schema';
import { parsePromQL } from './promql';
import { checkTemplate } from './template';
import type { UiRuleInput } from './ui-rule-store';

const labelName = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a label name such as severity (letters, digits, _)');
const labelMap = z
  .record(labelName, z.string().max(4_000, 'at most 4000 characters'))
  .refine((m) => Object.keys(m).length <= 64, 'at most 64 entries');

/** The fields of a rule as `POST /api/v1/rules` takes them: Prometheus's rule-file names and durations. */
export const uiRuleFields = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'name is required')
    .max(200, 'at most 200 characters')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must be one line without control characters'),
  expr: z.string().trim().min(1, 'expr is required').max(4_000, 'at most 4000 characters'),
  for: durationSchema.optional(),
  keep_firing_for: durationSchema.optional(),
  labels: labelMap.optional(),
  annotations: labelMap.optional(),
});

type CheckedFields = z.output<typeof uiRuleFields>;

/** Adds what a rule file would refuse at load: PromQL Lookout cannot evaluate and broken templates, each under its field. */
function checkRule(v: CheckedFields, ctx: z.RefinementCtx): void {
  try {
    parsePromQL(v.expr);
  } catch (err) {
    ctx.addIssue({ code: 'custom', path: ['expr'], message: (err as Error).message });
  }
  for (const field of ['labels', 'annotations'] as const) {
    for (const [k, text] of Object.entries(v[field] ?? {})) {
      try {
        checkTemplate(text, v.name);
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: [field, k], message: `template: ${(err as Error).message}` });
      }
    }
  }
  if (v.labels && 'alertname' in v.labels)
    ctx.addIssue({ code: 'custom', path: ['labels', 'alertname'], message: 'alertname is set from the rule name' });
}

const toInput = (v: CheckedFields): UiRuleInput => ({
  name: v.name,
  expr: v.expr,
  forMs: v.for ?? 0,
  keepFiringForMs: v.keep_firing_for ?? 0,
  labels: v.labels ?? {},
  annotations: v.annotations ?? {},
});

/** A whole rule (POST and PUT); the output is what the store saves. */
export const uiRuleSchema = uiRuleFields.superRefine(checkRule).transform(toInput);

/** PATCH: any subset of the fields, checked as a whole by mergeUiRulePatch() once merged with the stored rule. */
export const uiRulePatchSchema = uiRuleFields.partial();
export type UiRulePatch = z.output<typeof uiRulePatchSchema>;

const mergedRule = z.custom<CheckedFields>().superRefine(checkRule).transform(toInput);

/** The stored rule with the patch's fields over it, checked as a whole (throws a ZodError naming the fields). */
export function mergeUiRulePatch(stored: UiRuleInput, patch: UiRulePatch): UiRuleInput {
  const merged: CheckedFields = {
    name: patch.name ?? stored.name,
    expr: patch.expr ?? stored.expr,
    for: patch.for ?? stored.forMs,
    keep_firing_for: patch.keep_firing_for ?? stored.keepFiringForMs,
    labels: patch.labels ?? stored.labels,
    annotations: patch.annotations ?? stored.annotations,
  };
  return mergedRule.parse(merged);
}
