import { z } from 'zod';
import { SLO_WINDOWS, sliSchema } from '@/lib/slo/slo-schema';
import { iso, point } from './shapes-common';

const rate = z.number().nullable().meta({ description: 'error ratio ÷ (1 − objective); null without events' });

export const sloShape = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  service: z.string().nullable(),
  description: z.string().nullable(),
  objective: z.number().meta({ description: 'percent, e.g. 99.5' }),
  window: z.enum(SLO_WINDOWS),
  sli: sliSchema,
  provisioned: z.boolean().meta({ description: 'from the provisioning file: read-only in the API and /settings' }),
  window_start: iso,
  window_end: iso,
  achieved: z
    .number()
    .nullable()
    .meta({ description: 'good ÷ total events in percent over the window; null without events' }),
  budget: z.looseObject({
    remaining: z.number().meta({ description: 'percent of the error budget left; negative once overspent' }),
    consumed: z.number(),
    good: z.number(),
    total: z.number(),
    bad: z.number(),
    allowed: z.number().meta({ description: 'bad events the objective allows over the events so far' }),
    remaining_events: z.number(),
    remaining_minutes: z.number().meta({ description: 'remaining share of (1 − objective) × window length' }),
    unit: z.enum(['checks', 'requests', 'events']),
  }),
  burn_rate: z.looseObject({ '5m': rate, '1h': rate, '6h': rate, '3d': rate }),
  forecast: z.looseObject({
    exhausted_at: iso.nullable().meta({ description: 'when the budget runs out at the last hour’s burn rate' }),
    basis: z.literal('1h'),
  }),
  burndown: z
    .array(point)
    .nullable()
    .optional()
    .meta({ description: 'remaining budget (percent) through the window, hourly; in GET /api/v1/slos/{id} only' }),
});
