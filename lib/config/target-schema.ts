import { z } from 'zod';
import { jobNameSchema } from '@/lib/config/job-name';
import { parseCondition } from '@/lib/probes/conditions';
import { HTTP_METHODS } from '@/lib/probes/http-methods';
import { parseDuration } from './duration';

const duration = (field: string, min: number, max: number) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const ms = typeof v === 'number' ? v * 1000 : parseDuration(v);
    if (ms === null || !Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: `${field} must be a duration such as 30s or 5m` });
      return z.NEVER;
    }
    if (ms < min || ms > max) {
      ctx.addIssue({ code: 'custom', message: `${field} must be between ${min / 1000}s and ${max / 1000}s` });
      return z.NEVER;
    }
    return ms;
  });

const url = z
  .string()
  .trim()
  .min(1, 'url is required')
  .refine((u) => {
    try {
      const p = new URL(u);
      return p.protocol === 'http:' || p.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'url must be an absolute http:// or https:// address');

const condition = z.string().superRefine((c, ctx) => {
  const parsed = parseCondition(c);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
});

/** A probe target as written in the provisioning file and accepted by `POST /api/v1/targets`. */
export const targetInputSchema = z.strictObject({
  name: jobNameSchema,
  url,
  interval: duration('interval', 1_000, 86_400_000).optional(),
  timeout: duration('timeout', 100, 120_000).optional(),
  method: z.enum(HTTP_METHODS).optional(),
  headers: z.record(z.string().max(200), z.string().max(8192)).optional(),
  body: z.string().max(65_536).optional(),
  conditions: z.array(condition).max(20).optional(),
  failure_threshold: z.number().int().min(1).max(100).optional(),
  success_threshold: z.number().int().min(1).max(100).optional(),
  paused: z.boolean().optional(),
});

export type TargetInput = z.infer<typeof targetInputSchema>;
export const targetPatchSchema = targetInputSchema
  .partial()
  .extend({ body: z.string().max(65_536).nullable().optional() });
export type TargetPatch = z.infer<typeof targetPatchSchema>;
