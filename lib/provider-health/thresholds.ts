import { z } from 'zod';
import { parseDuration } from '@/lib/config/duration';

/** When a provider counts as degraded or out, from its traffic over the last `window` (docs/provider-health.md). */
export interface HealthThresholds {
  windowMs: number;
  /** Fewer requests than this in the window: the state is `unknown`, not judged on a handful. */
  minRequests: number;
  degraded: { errorRate: number; rateLimitedRate: number; p95Ms: number };
  outage: { errorRate: number };
}

export const DEFAULT_THRESHOLDS: HealthThresholds = {
  windowMs: 5 * 60_000,
  minRequests: 5,
  degraded: { errorRate: 0.05, rateLimitedRate: 0.1, p95Ms: 10_000 },
  outage: { errorRate: 0.5 },
};

const ratio = z.number().min(0).max(1);

/** `provider_health:` in the provisioning file; every key optional. */
export const providerHealthConfigSchema = z.strictObject({
  window: z
    .string()
    .refine((s) => {
      const ms = parseDuration(s);
      return ms !== null && ms >= 10_000 && ms <= 86_400_000;
    }, 'window must be a duration between 10s and 24h, such as 5m')
    .optional(),
  min_requests: z.number().int().min(1).max(100_000).optional(),
  degraded: z
    .strictObject({
      error_rate: ratio.optional(),
      rate_limited_rate: ratio.optional(),
      p95_ms: z.number().positive().optional(),
    })
    .optional(),
  outage: z.strictObject({ error_rate: ratio.optional() }).optional(),
});

export type ProviderHealthConfig = z.infer<typeof providerHealthConfigSchema>;

export function thresholdsOf(c: ProviderHealthConfig | undefined): HealthThresholds {
  const d = DEFAULT_THRESHOLDS;
  return {
    windowMs: c?.window ? parseDuration(c.window)! : d.windowMs,
    minRequests: c?.min_requests ?? d.minRequests,
    degraded: {
      errorRate: c?.degraded?.error_rate ?? d.degraded.errorRate,
      rateLimitedRate: c?.degraded?.rate_limited_rate ?? d.degraded.rateLimitedRate,
      p95Ms: c?.degraded?.p95_ms ?? d.degraded.p95Ms,
    },
    outage: { errorRate: c?.outage?.error_rate ?? d.outage.errorRate },
  };
}
