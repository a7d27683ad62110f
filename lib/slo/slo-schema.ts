import { z } from 'zod';
import { parsePromQL } from '@/lib/rules/promql';
import { LE_SECONDS } from '@/lib/series/log-series';

export const SLO_WINDOWS = ['7d', '28d', '30d', 'calendar_month'] as const;
export type SloWindow = (typeof SLO_WINDOWS)[number];

/** The `le` edges of http_request_duration_seconds_bucket, in ms: the thresholds a latency SLI may use. */
export const LATENCY_THRESHOLDS_MS = LE_SECONDS.map((s) => Math.round(s * 1000));

const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(200, 'at most 200 characters')
    // Names and filters go into PromQL strings and alert templates: no quotes, backslashes or braces.
    .regex(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
      /^[^\u0000-\u001f\u007f"\\{}]*$/,
      'must be one line without control characters, quotes, backslashes or braces',
    );
const filter = name('the filter').max(200).optional();

const promql = z
  .string()
  .trim()
  .min(1, 'a PromQL expression is required')
  .max(2_000, 'at most 2000 characters')
  .superRefine((text, ctx) => {
    try {
      parsePromQL(text.replaceAll('$window', '5m'));
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  });

export const probeSliSchema = z.strictObject({
  kind: z.literal('probe_availability'),
  target: name('target').meta({ description: 'the probe target whose good checks / all checks are counted' }),
});

export const requestSliSchema = z.strictObject({
  kind: z.literal('request_availability'),
  source: filter,
  provider: filter,
  model: filter,
  rate_limited: z
    .enum(['good', 'bad', 'excluded'])
    .default('good')
    .meta({ description: '429s: counted as good, as bad, or left out of both counts' }),
});

export const latencySliSchema = z.strictObject({
  kind: z.literal('request_latency'),
  source: filter,
  provider: filter,
  threshold_ms: z
    .number()
    .refine((v) => LATENCY_THRESHOLDS_MS.includes(v), {
      message: `must be one of the latency histogram's edges: ${LATENCY_THRESHOLDS_MS.join(', ')} (ms)`,
    })
    .meta({ description: 'a request is good when it is at or below this; one of the histogram `le` edges' }),
});

export const promqlSliSchema = z.strictObject({
  kind: z.literal('promql'),
  good: promql.meta({ description: 'a counter selector, or an expression using [$window]' }),
  total: promql,
});

export const sliSchema = z.discriminatedUnion('kind', [
  probeSliSchema,
  requestSliSchema,
  latencySliSchema,
  promqlSliSchema,
]);
export type Sli = z.output<typeof sliSchema>;

/** One SLO as the provisioning file, `POST /api/v1/slos` and `PUT /api/v1/slos/{id}` take it. */
export const sloInputSchema = z.strictObject({
  name: name('name'),
  service: name('service').optional(),
  description: z.string().max(2_000).optional(),
  objective: z
    .number()
    .gt(0, 'must be a percentage above 0')
    .lt(100, 'must be below 100 (a 100 % objective leaves no budget)')
    .meta({ description: 'the target in percent, e.g. 99.5' }),
  window: z.enum(SLO_WINDOWS).default('30d').meta({ description: 'rolling 7d, 28d or 30d, or the calendar month' }),
  sli: sliSchema,
});
export type SloInput = z.output<typeof sloInputSchema>;

export const slosConfigSchema = z.array(sloInputSchema);
