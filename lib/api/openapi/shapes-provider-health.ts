import { z } from 'zod';
import { HEALTH_STATES } from '@/lib/provider-health/classify';
import { count, iso, ms } from './shapes-common';

const rate = z.number().min(0).max(1);

const syntheticShape = z.looseObject({
  target: z.string().meta({ description: 'the llm target aimed at this provider' }),
  target_id: z.number().int(),
  status: z.enum(['up', 'down', 'pending']),
  last_check: iso.nullable(),
  error: z.string().nullable(),
  latency_ms: ms,
  ttft_ms: ms.meta({ description: 'time to the first streamed content event of the newest check' }),
});

export const providerHealthShape = z.looseObject({
  window_s: z.number().meta({ description: 'the traffic window each state is judged on' }),
  evaluated_at: iso,
  thresholds: z.looseObject({
    min_requests: count,
    degraded: z.looseObject({ error_rate: rate, rate_limited_rate: rate, p95_ms: z.number() }),
    outage: z.looseObject({ error_rate: rate }),
  }),
  data: z.array(
    z.looseObject({
      provider: z.string(),
      state: z.enum(HEALTH_STATES).meta({ description: 'unknown: fewer than min_requests in the window' }),
      reasons: z.array(z.string()),
      requests: count,
      errors: count,
      error_rate: rate,
      rate_limited: count,
      rate_limited_rate: rate,
      p95_ms: ms,
      tokens_per_s: z
        .number()
        .nullable()
        .meta({ description: 'output tokens per second of request time; null where the log has no output tokens' }),
      failover: z.null().meta({ description: 'no CCProxy log format records a failover; always null' }),
      synthetic: syntheticShape.nullable(),
    }),
  ),
});
