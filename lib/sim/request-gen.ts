import { CLIENT_MODELS, PROVIDER_NAMES, PROVIDERS, STRATEGIES, USER_AGENTS } from './catalog';
import type { Rng } from './rng';
import { healthyProviders, inRateLimitBurst, type Phase } from './scenario';

export type FailureKind = 'transport' | 'upstream' | 'client' | null;

/** One completed client request, before it is rendered in either log format. */
export interface SimRequest {
  /** Completion time, epoch ms; the request started `durationUs` earlier. */
  endMs: number;
  durationUs: number;
  provider: string;
  model: string;
  clientModel: string;
  strategy: string;
  status: number;
  failure: FailureKind;
  inputTokens: number;
  outputTokens: number;
  streamedEvents: number | null;
  tokenCountNoise: boolean;
  responseSize: number;
  userAgent: string;
  maxTokens: number;
  messages: number;
  tools: number;
}

function pickStatus(rng: Rng, phase: Phase, providerUp: boolean, timeScale: number): number {
  if (phase.name === 'unavailable') return 503;
  if (!providerUp) return 502;
  if (inRateLimitBurst(phase, timeScale) && rng.chance(0.6)) return 429;
  return rng.weighted<number>([
    [200, 955],
    [429, 20],
    [400, 8],
    [500, 10],
    [502, 7],
  ]);
}

function failureOf(status: number): FailureKind {
  if (status === 502) return 'transport';
  if (status >= 500 || status === 429) return 'upstream';
  return status >= 400 ? 'client' : null;
}

function durationMsFor(rng: Rng, status: number, medianMs: number): number {
  if (status === 502) return rng.chance(0.02) ? 10_000 + rng.next() * 50 : 2 + rng.next() * 40;
  if (status === 503 || status === 400) return 20 + rng.next() * 200;
  if (status === 429 || status === 500) return rng.logNormal(medianMs * 0.3, 0.4);
  return rng.logNormal(medianMs, 0.45);
}

/** A request arriving at `startMs`; the phase at arrival decides its fate. */
export function generateRequest(rng: Rng, phase: Phase, startMs: number, timeScale = 1): SimRequest {
  const spec = rng.weighted(PROVIDERS.map((p) => [p, p.weight] as const));
  const up = healthyProviders(phase, PROVIDER_NAMES).has(spec.name);
  const status = pickStatus(rng, phase, up, timeScale);
  const spike = phase.name === 'latency_spike' ? 10 : 1;
  const durationMs = Math.min(durationMsFor(rng, status, spec.medianLatencyMs) * spike, 600_000);
  const ok = status < 400;
  const inputTokens = Math.round(rng.logNormal(1800, 0.9));
  const streamed = ok && rng.chance(0.7);
  const durationUs = Math.max(1000, Math.round(durationMs * 1000));
  return {
    endMs: startMs + Math.round(durationUs / 1000),
    durationUs,
    provider: spec.name,
    model: rng.pick(spec.models),
    clientModel: rng.pick(CLIENT_MODELS),
    strategy: rng.pick(STRATEGIES),
    status,
    failure: failureOf(status),
    inputTokens,
    outputTokens: ok ? Math.max(1, Math.round(rng.logNormal(260, 0.8))) : 0,
    streamedEvents: streamed ? rng.int(8, 180) : null,
    tokenCountNoise: rng.chance(0.08),
    responseSize: ok ? rng.int(400, 9000) : rng.int(90, 260),
    userAgent: rng.pick(USER_AGENTS),
    maxTokens: rng.pick([4096, 8192, 32000]),
    messages: rng.int(1, 40),
    tools: rng.pick([0, 12, 17]),
  };
}
