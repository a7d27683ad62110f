import { z } from 'zod';
import { jobNameSchema } from '@/lib/config/job-name';
import { parseCondition } from '@/lib/probes/conditions';
import { HTTP_METHODS } from '@/lib/probes/http-methods';
import {
  DNS_RECORD_TYPES,
  LLM_APIS,
  STARTTLS_PROTOCOLS,
  TARGET_TYPES,
  type TargetType,
} from '@/lib/probes/target-types';
import { parseDuration } from './duration';
import { targetIssues } from './target-type-fields';

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

const queryType = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => (DNS_RECORD_TYPES as readonly string[]).includes(v), {
    message: `query_type must be one of ${DNS_RECORD_TYPES.join(', ')}`,
  })
  .transform((v) => v as (typeof DNS_RECORD_TYPES)[number]);

const targetObject = z.strictObject({
  name: jobNameSchema,
  type: z.enum(TARGET_TYPES, { message: `type must be one of ${TARGET_TYPES.join(', ')}` }).optional(),
  /** http(s):// for http; tcp://host:port, tls://host[:port], icmp://host for those types. */
  url: z.string().trim().min(1, 'url is required').max(2048).optional(),
  interval: duration('interval', 1_000, 86_400_000).optional(),
  timeout: duration('timeout', 100, 120_000).optional(),
  method: z.enum(HTTP_METHODS).optional(),
  headers: z.record(z.string().max(200), z.string().max(8192)).optional(),
  body: z.string().max(65_536).optional(),
  conditions: z.array(z.string().max(2000)).max(20).optional(),
  failure_threshold: z.number().int().min(1).max(100).optional(),
  success_threshold: z.number().int().min(1).max(100).optional(),
  paused: z.boolean().optional(),
  insecure_skip_verify: z.boolean().optional(),
  send: z.string().max(65_536).optional(),
  expect: z.string().max(4096).optional(),
  server: z.string().trim().min(1).max(300).optional(),
  query_name: z.string().trim().min(1).max(253).optional(),
  query_type: queryType.optional(),
  packets: z.number().int().min(1).max(10).optional(),
  period: duration('period', 1_000, 366 * 86_400_000).optional(),
  /** A heartbeat's cron expression (`0 3 * * *`, `@daily`), instead of a period. */
  schedule: z.string().trim().min(1, 'schedule is a cron expression such as 0 3 * * *').max(200).optional(),
  timezone: z.string().trim().min(1).max(64).optional(),
  /** A tls target's domain registration expiry over RDAP: true for the host's last two labels, or the domain. */
  domain_expiry: z
    .union([
      z.boolean(),
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(
          /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$/,
          'domain_expiry is true or a domain such as example.co.uk',
        ),
    ])
    .optional(),
  starttls: z
    .enum(STARTTLS_PROTOCOLS, { message: `starttls must be one of ${STARTTLS_PROTOCOLS.join(', ')}` })
    .optional(),
  grace: duration('grace', 0, 366 * 86_400_000).optional(),
  /** llm: the wire format of `url` (default: openai when the path ends in /chat/completions, else anthropic). */
  api: z.enum(LLM_APIS, { message: `api must be one of ${LLM_APIS.join(', ')}` }).optional(),
  model: z.string().trim().min(1, 'model is required, e.g. claude-3-5-haiku-20241022').max(200).optional(),
  provider: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._:/-]{1,64}$/, 'provider is a name such as groq (letters, digits, . _ : / -)')
    .optional(),
  /** llm: a secret, like probe headers: stored, sent, never returned (has_api_key). */
  api_key: z.string().min(1).max(4096).optional(),
  max_requests_per_day: z.number().int().min(1).max(1_000_000).optional(),
  /** A heartbeat's ping token chosen by the user (at least 16 characters); generated when absent. */
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, 'token must be 16 to 128 letters, digits, _ or -')
    .optional(),
});

/** A target as written in the provisioning file and accepted by `POST /api/v1/targets`. */
export const targetInputSchema = targetObject.superRefine(
  (t, ctx) => {
    // Runs even when other fields failed, so one answer lists every problem; a bad type was already reported.
    if (t.type !== undefined && !(TARGET_TYPES as readonly string[]).includes(t.type)) return;
    const type: TargetType = t.type ?? 'http';
    // Other fields may still hold what the user wrote when they failed: only well-typed ones are read here.
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const fields = {
      type,
      url: str(t.url),
      server: str(t.server),
      query_name: str(t.query_name),
      period: t.period === undefined ? undefined : 0,
      schedule: str(t.schedule),
      timezone: str(t.timezone),
      starttls: str(t.starttls),
      domain_expiry: t.domain_expiry,
      insecure_skip_verify: typeof t.insecure_skip_verify === 'boolean' ? t.insecure_skip_verify : undefined,
      send: str(t.send),
      expect: str(t.expect),
      model: str(t.model),
      conditions: Array.isArray(t.conditions) ? t.conditions.filter((c) => typeof c === 'string') : undefined,
    };
    for (const issue of targetIssues(fields, Object.keys(t))) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
    if (!Array.isArray(t.conditions)) return;
    t.conditions.forEach((c, i) => {
      const parsed = typeof c === 'string' ? parseCondition(c, type) : null;
      if (parsed && !parsed.ok) ctx.addIssue({ code: 'custom', path: ['conditions', i], message: parsed.error });
    });
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);

export type TargetInput = z.infer<typeof targetInputSchema>;
export const targetPatchSchema = targetObject.partial().extend({ body: z.string().max(65_536).nullable().optional() });
export type TargetPatch = z.infer<typeof targetPatchSchema>;
