import { z } from 'zod';

export const SOURCE_FORMATS = ['auto', 'json', 'logfmt', 'text', 'ccproxy'] as const;

/** A log source as written under `logs:` in the provisioning file. */
export const logSourceSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'name is required')
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'name may hold letters, digits and _ . : - (it becomes the job label)'),
  path: z.string().trim().min(1, 'path is required'),
  format: z.enum(SOURCE_FORMATS).optional(),
  start_at: z.enum(['beginning', 'end']).optional(),
  extract: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
});

export type LogSourceInput = z.infer<typeof logSourceSchema>;
