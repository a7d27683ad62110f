import { z } from 'zod';
import { iso } from './shapes-common';

export const maintenanceShape = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  targets: z.union([z.literal('all'), z.array(z.string())]).meta({ description: 'target names, or "all"' }),
  starts_at: iso.nullable().meta({ description: 'null: a recurring window in force since ever' }),
  ends_at: iso.nullable().meta({ description: 'null: a recurring window with no end' }),
  time_intervals: z
    .array(z.record(z.string(), z.unknown()))
    .nullable()
    .meta({ description: "recurring: Alertmanager's time_intervals entries as written; null for a one-off window" }),
  reason: z.string(),
  provisioned: z.boolean().meta({ description: 'from the provisioning file: read-only in the API and /settings' }),
  state: z
    .enum(['active', 'upcoming', 'scheduled', 'past'])
    .meta({ description: 'scheduled: a recurring window in force but between two of its intervals' }),
  active: z.boolean().meta({ description: 'on now: its targets are in maintenance' }),
  created_at: iso,
  updated_at: iso,
});
