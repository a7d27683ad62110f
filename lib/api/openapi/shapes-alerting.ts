import { z } from 'zod';
import { SILENCE_STATUSES } from './enums';
import { count, iso, labels } from './shapes-common';

const alertState = z.enum(['inactive', 'pending', 'firing']);

export const ruleShape = z.looseObject({
  name: z.string(),
  kind: z.enum(['alert', 'record']),
  expr: z.string(),
  for_s: z.number(),
  keep_firing_for_s: z.number(),
  labels,
  annotations: labels,
  state: alertState,
  health: z.enum(['unknown', 'ok', 'err']),
  last_error: z.string().nullable(),
  last_evaluation: iso.nullable(),
  alerts: count,
  id: z
    .number()
    .int()
    .nullable()
    .optional()
    .meta({ description: 'set for rules made in /alerts (editable through /api/v1/rules/{id})' }),
});
export const ruleGroupsShape = z.looseObject({
  groups: z.array(
    z.looseObject({
      name: z.string(),
      file: z.string(),
      interval_s: z.number(),
      editable: z.boolean().optional(),
      rules: z.array(ruleShape),
    }),
  ),
});

export const uiRuleShape = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  expr: z.string(),
  for_s: z.number(),
  keep_firing_for_s: z.number(),
  labels,
  annotations: labels,
  created_at: iso,
  updated_at: iso,
});

export const alertHistoryShape = z.looseObject({
  name: z.string(),
  labels,
  periods: z.array(
    z.looseObject({
      state: z.enum(['pending', 'firing']),
      start: iso,
      end: iso.nullable(),
      value: z.number().nullable(),
    }),
  ),
});

export const alertShape = z.looseObject({
  name: z.string(),
  state: alertState,
  labels,
  annotations: labels,
  active_at: iso.nullable(),
  fired_at: iso.nullable(),
  value: z.number().nullable(),
});

export const silenceShape = z.looseObject({
  id: z.string(),
  matchers: z.array(z.looseObject({ name: z.string(), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean() })),
  starts_at: iso,
  ends_at: iso,
  created_by: z.string(),
  comment: z.string(),
  status: z.enum(SILENCE_STATUSES),
});

export const notificationShape = z.looseObject({
  receiver: z.string(),
  integration: z.string(),
  status: z.string(),
  at: iso,
  ok: z.boolean(),
  attempts: count,
  error: z.string().nullable(),
  alerts: count,
  group_key: z.string(),
  muted_by: z
    .string()
    .nullable()
    .meta({ description: 'the maintenance window that held this notification back (nothing was sent), else null' }),
});

export const previewShape = z.looseObject({
  result: z.array(
    z.looseObject({ labels, value: z.number().nullable().meta({ description: 'null for NaN or ±Inf' }) }),
  ),
  truncated: z.boolean(),
  error: z.string().nullable(),
});

export const testNotificationShape = z.looseObject({
  integration: z.string(),
  ok: z.boolean(),
  attempts: count,
  error: z.string().nullable(),
});
