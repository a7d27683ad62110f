import { z } from 'zod';
import { jobNameSchema } from '@/lib/config/job-name';
import { SOURCE_FORMATS, START_AT } from '@/lib/logs/source-formats';

/** A log source as written under `logs:` in the provisioning file. */
export const logSourceSchema = z.strictObject({
  name: jobNameSchema,
  path: z.string().trim().min(1, 'path is required'),
  format: z.enum(SOURCE_FORMATS).optional(),
  start_at: z.enum(START_AT).optional(),
  extract: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
});

export type LogSourceInput = z.infer<typeof logSourceSchema>;
