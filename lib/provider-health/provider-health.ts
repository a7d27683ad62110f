import type { Db } from '@/lib/db/connection';
import { getLlmChecksLatest, type LlmCheckLatest } from '@/lib/queries/get-llm-checks-latest';
import { getProviderThroughput } from '@/lib/queries/get-provider-throughput';
import { getRequestAgg, roundMs } from '@/lib/queries/get-request-agg';
import { quantile } from '@/lib/stats/histogram';
import { toIso } from '@/lib/time/iso';
import { classifyProvider } from './classify';
import type { HealthThresholds } from './thresholds';

/** Log lines that carry no provider: probes of /health and lines of other services. */
const NOT_PROVIDERS = new Set(['', '(none)', 'unknown']);

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function shapeSynthetic(c: LlmCheckLatest) {
  const metrics = c.metrics ? (JSON.parse(c.metrics) as Record<string, number>) : {};
  const ttft = metrics.probe_llm_ttft_seconds;
  return {
    target: c.name,
    target_id: c.targetId,
    status: c.status,
    last_check: toIso(c.ts),
    error: c.error,
    latency_ms: c.latencyMs === null ? null : roundMs(c.latencyMs),
    ttft_ms: ttft === undefined ? null : round(ttft * 1000, 1),
  };
}

/**
 * Per provider: its state from the traffic of the last window (docs/provider-health.md), output tokens/s,
 * and the newest synthetic (llm) check aimed at it. Failover is not in any CCProxy log format, so it is null.
 */
export function getProviderHealth(db: Db, now: number, t: HealthThresholds) {
  const from = now - t.windowMs;
  const agg = getRequestAgg(db, from, now, 'provider');
  const throughput = getProviderThroughput(db, from, now);
  const synthetic = new Map<string, LlmCheckLatest>();
  for (const c of getLlmChecksLatest(db)) {
    const provider = (JSON.parse(c.options) as { provider?: string }).provider;
    if (provider && !synthetic.has(provider)) synthetic.set(provider, c);
  }
  const names = new Set([...agg.keys(), ...synthetic.keys()].filter((p) => !NOT_PROVIDERS.has(p)));
  const data = [...names].sort().map((provider) => {
    const a = agg.get(provider);
    const requests = a?.requests ?? 0;
    const p95 = a ? quantile(a.hist, 0.95) : null;
    const { state, reasons } = classifyProvider(
      { requests, errors: a?.errors ?? 0, rateLimited: a?.rateLimited ?? 0, p95Ms: p95 },
      t,
    );
    const tps = throughput.get(provider);
    const check = synthetic.get(provider);
    return {
      provider,
      state,
      reasons,
      requests,
      errors: a?.errors ?? 0,
      error_rate: requests ? round((a?.errors ?? 0) / requests, 4) : 0,
      rate_limited: a?.rateLimited ?? 0,
      rate_limited_rate: requests ? round((a?.rateLimited ?? 0) / requests, 4) : 0,
      p95_ms: roundMs(p95),
      tokens_per_s: tps === undefined ? null : round(tps, 1),
      failover: null,
      synthetic: check ? shapeSynthetic(check) : null,
    };
  });
  return {
    window_s: t.windowMs / 1000,
    evaluated_at: toIso(now),
    thresholds: {
      min_requests: t.minRequests,
      degraded: {
        error_rate: t.degraded.errorRate,
        rate_limited_rate: t.degraded.rateLimitedRate,
        p95_ms: t.degraded.p95Ms,
      },
      outage: { error_rate: t.outage.errorRate },
    },
    data,
  };
}
