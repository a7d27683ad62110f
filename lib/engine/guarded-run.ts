import type { Clock } from '@/lib/clock';
import { formatTimeout } from '@/lib/probes/probe-errors';
import type { ProbeResult, ProbeSpec } from '@/lib/probes/types';

export type ProbeRunner = (spec: ProbeSpec, clock: Clock) => Promise<ProbeResult>;

/** Beyond the probe's own timeout, after which a check that never settled is reported as timed out. */
export const GRACE_MS = 1000;

/**
 * Runs one check and always settles by timeout + GRACE_MS on the injected clock: a runner that hangs
 * must not hold a concurrency slot forever, or one bad target would starve the rest.
 */
export function runGuarded(run: ProbeRunner, spec: ProbeSpec, clock: Clock, due: number): Promise<ProbeResult> {
  return new Promise<ProbeResult>((resolve) => {
    const failed = (error: string): ProbeResult => ({
      ts: due,
      up: false,
      statusCode: null,
      latencyMs: spec.timeoutMs,
      error,
      gauges: {},
    });
    const guard = clock.setTimeout(
      () => resolve(failed(`timeout after ${formatTimeout(spec.timeoutMs)}`)),
      spec.timeoutMs + GRACE_MS,
    );
    const settle = (result: ProbeResult) => {
      clock.clearTimeout(guard);
      resolve(result);
    };
    let started: Promise<ProbeResult>;
    try {
      started = run(spec, clock);
    } catch {
      started = Promise.reject(new Error('probe failed'));
    }
    started.then(settle, () => settle(failed('probe failed')));
  });
}
