import type { Clock, TimerHandle } from '@/lib/clock';
import type { ProbeResult, ProbeSpec, ScheduledTarget } from '@/lib/probes/types';

export interface SchedulerOptions {
  clock: Clock;
  /** Most checks running at once; the rest wait in a FIFO queue. */
  concurrency?: number;
  run?: (spec: ProbeSpec, clock: Clock) => Promise<ProbeResult>;
  onResult: (targetId: number, result: ProbeResult) => void;
  /** Offset of a target's first check within its first interval; random by default. */
  jitter?: (intervalMs: number) => number;
}

export interface SchedulerStats {
  scheduled: number;
  inFlight: number;
  queued: number;
  completed: number;
  /** Slots skipped because the target's previous check was still queued or running. */
  skipped: number;
  /** Slots passed over because the timer itself fired more than an interval late (a stalled event loop). */
  missed: number;
  /** Largest delay between a slot's due time and its check actually starting. */
  maxLatenessMs: number;
  /** Checks started, and the sum of their delays after their due time (a mean lateness over any window). */
  started: number;
  latenessSumMs: number;
}

/** The scheduler's per-target state (internal). */
export interface Entry {
  target: ScheduledTarget;
  specKey: string;
  /** Due time of slot 0; slot k is due at phase + k·interval, so lateness never accumulates. */
  phase: number | null;
  slot: number;
  timer: TimerHandle | null;
  /** A check for the current spec is queued or running. */
  busy: boolean;
  /** Bumped when the spec changes, so a check of the old spec is not reported. */
  gen: number;
  removed: boolean;
}

export interface Job {
  entry: Entry;
  gen: number;
  due: number;
}
