/** The repeating incident timeline; pure functions of elapsed time so tests can jump to any phase. */
export const PHASE_NAMES = [
  'normal',
  'providers_down',
  'recovery',
  'unavailable',
  'rate_limited',
  'latency_spike',
] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

export interface PhaseSpec {
  name: PhaseName;
  durationMs: number;
}

// Sums to 10 minutes; each incident outlasts the `for:` of the matching CCProxy alert rule.
export const DEFAULT_TIMELINE: readonly PhaseSpec[] = [
  { name: 'normal', durationMs: 120_000 },
  { name: 'providers_down', durationMs: 90_000 },
  { name: 'recovery', durationMs: 60_000 },
  { name: 'unavailable', durationMs: 90_000 },
  { name: 'rate_limited', durationMs: 90_000 },
  { name: 'latency_spike', durationMs: 150_000 },
];

export const PHASE_DESCRIPTIONS: Record<PhaseName, string> = {
  normal: 'normal traffic, a few stray errors',
  providers_down: 'all providers down: /health still 200 "healthy" with providers.healthy 0, requests fail with 502',
  recovery: 'providers come back one by one (/health degraded until all are healthy)',
  unavailable: 'proxy unavailable: /health answers 503 "unhealthy", requests get 503',
  rate_limited: 'bursts of 429 rate limiting',
  latency_spike: 'latency spike: request durations ×10',
};

export interface Phase {
  name: PhaseName;
  index: number;
  cycle: number;
  /** Offsets from the simulator's start, in ms of clock time. */
  startMs: number;
  endMs: number;
  elapsedMs: number;
  progress: number;
}

export function cycleLength(timeScale = 1, timeline: readonly PhaseSpec[] = DEFAULT_TIMELINE): number {
  return timeline.reduce((s, p) => s + p.durationMs * timeScale, 0);
}

export function phaseAt(elapsedMs: number, timeScale = 1, timeline: readonly PhaseSpec[] = DEFAULT_TIMELINE): Phase {
  const cycleMs = cycleLength(timeScale, timeline);
  const t = Math.max(0, elapsedMs);
  const cycle = Math.floor(t / cycleMs);
  let start = cycle * cycleMs;
  for (let index = 0; index < timeline.length; index++) {
    const duration = timeline[index].durationMs * timeScale;
    if (t < start + duration || index === timeline.length - 1) {
      const elapsed = t - start;
      return {
        name: timeline[index].name,
        index,
        cycle,
        startMs: start,
        endMs: start + duration,
        elapsedMs: elapsed,
        progress: Math.min(1, elapsed / duration),
      };
    }
    start += duration;
  }
  throw new Error('empty timeline');
}

/** Which providers are up: all down during the outage, back one by one during recovery. */
export function healthyProviders(phase: Phase, providers: readonly string[]): Set<string> {
  if (phase.name === 'providers_down') return new Set();
  if (phase.name !== 'recovery') return new Set(providers);
  const n = providers.length;
  return new Set(providers.filter((_, i) => phase.progress >= (i + 1) / (n + 1)));
}

/** Rate limiting comes in bursts: 15 s (scaled) on, 15 s off. */
export function inRateLimitBurst(phase: Phase, timeScale = 1): boolean {
  if (phase.name !== 'rate_limited') return false;
  return Math.floor(phase.elapsedMs / (15_000 * timeScale)) % 2 === 0;
}
