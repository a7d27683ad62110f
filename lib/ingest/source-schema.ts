import { z } from 'zod';
import { jobNameSchema } from '@/lib/config/job-name';

export const SOURCE_FORMATS = ['auto', 'json', 'logfmt', 'text', 'ccproxy'] as const;

/** A log source as written under `logs:` in the provisioning file. */
export const logSourceSchema = z.strictObject({
  name: jobNameSchema,
  path: z.string().trim().min(1, 'path is required'),
  format: z.enum(SOURCE_FORMATS).optional(),
  start_at: z.enum(['beginning', 'end']).optional(),
  extract: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
});

export type LogSourceInput = z.infer<typeof logSourceSchema>;
