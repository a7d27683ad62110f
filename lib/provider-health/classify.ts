import type { HealthThresholds } from './thresholds';

export const HEALTH_STATES = ['healthy', 'degraded', 'outage', 'unknown'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export interface TrafficFigures {
  requests: number;
  errors: number;
  rateLimited: number;
  p95Ms: number | null;
}

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** A provider's state from its recent traffic, with the reasons that decided it (worst first). */
export function classifyProvider(f: TrafficFigures, t: HealthThresholds): { state: HealthState; reasons: string[] } {
  if (f.requests < t.minRequests)
    return { state: 'unknown', reasons: [`${f.requests} requests in the window (fewer than ${t.minRequests})`] };
  const errorRate = f.errors / f.requests;
  const limitedRate = f.rateLimited / f.requests;
  if (errorRate >= t.outage.errorRate)
    return { state: 'outage', reasons: [`error rate ${pct(errorRate)} ≥ ${pct(t.outage.errorRate)}`] };
  const reasons: string[] = [];
  if (errorRate >= t.degraded.errorRate) reasons.push(`error rate ${pct(errorRate)} ≥ ${pct(t.degraded.errorRate)}`);
  if (limitedRate >= t.degraded.rateLimitedRate)
    reasons.push(`429 rate ${pct(limitedRate)} ≥ ${pct(t.degraded.rateLimitedRate)}`);
  if (f.p95Ms !== null && f.p95Ms >= t.degraded.p95Ms)
    reasons.push(`p95 latency ${Math.round(f.p95Ms)} ms ≥ ${t.degraded.p95Ms} ms`);
  return { state: reasons.length ? 'degraded' : 'healthy', reasons };
}
