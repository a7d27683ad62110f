import { z } from 'zod';
import { jobNameSchema } from '@/lib/config/job-name';
import { attributionSchema } from '@/lib/llm/attribution-schema';
import { isTimeZone } from '@/lib/logs/formats/zone';
import { SOURCE_FORMATS, START_AT } from '@/lib/logs/source-formats';

/** A log source as written under `logs:` in the provisioning file. */
export const logSourceSchema = z.strictObject({
  name: jobNameSchema,
  path: z.string().trim().min(1, 'path is required'),
  format: z.enum(SOURCE_FORMATS).optional(),
  start_at: z.enum(START_AT).optional(),
  /** IANA zone of times the file writes without an offset; UTC when absent. */
  timezone: z
    .string()
    .trim()
    .refine(isTimeZone, 'unknown time zone: use an IANA name such as Europe/Berlin or UTC')
    .optional(),
  extract: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  /** Which fields name a request's client and user (docs/llm-cost.md#attribution). */
  attribution: attributionSchema.optional(),
});

export type LogSourceInput = z.infer<typeof logSourceSchema>;
