import type { Clock, TimerHandle } from '@/lib/clock';
import { readHostSamples } from './host-samples';
import { processSamples, readWatchedProcess } from './process-reader';
import type { WatchedProcessInput } from './process-schema';
import { dedupeSamples, SampleStore } from './sample-store';
import { type EngineStats, SelfSampler } from './self-samples';
import type { MetricSample, ProcessReading } from './types';

export const DEFAULT_SYSTEM_INTERVAL_MS = 15_000;

export interface SamplerDeps extends EngineStats {
  clock: Clock;
  /** Read on every tick, so a configuration reload takes effect without a restart. */
  processes: () => WatchedProcessInput[];
  baseDir: () => string;
  intervalMs: () => number;
}

export type { MetricSample } from './types';

export interface SystemTick {
  at: number;
  samples: MetricSample[];
  processes: ProcessReading[];
  logFiles: { job: string; path: string; size: number }[];
}

/** Samples watched processes, the host and Lookout itself on a fixed grid and stores them as series. */
export class SystemSampler {
  private readonly store: SampleStore;
  private readonly self: SelfSampler;
  private timer: TimerHandle | null = null;
  private last: SystemTick | null = null;
  private previous: SystemTick | null = null;
  /** When the engine started, on its clock: /metrics counts the log counters from here. */
  readonly startedAt: number;

  constructor(private readonly deps: SamplerDeps) {
    this.startedAt = deps.clock.now();
    this.store = new SampleStore(deps.db);
    this.self = new SelfSampler(deps);
  }

  /** The two latest ticks (rates need both); null before the first. */
  latest(): { last: SystemTick | null; previous: SystemTick | null; intervalMs: number } {
    return { last: this.last, previous: this.previous, intervalMs: this.deps.intervalMs() };
  }

  sampleOnce(): SystemTick {
    const at = this.deps.clock.now();
    const host = readHostSamples(this.deps.dataDir);
    const processes = this.deps
      .processes()
      .map((p) => readWatchedProcess(p, this.deps.baseDir(), host.bootTimeSeconds));
    const own = this.self.read();
    const samples = dedupeSamples([...processes.flatMap(processSamples), ...host.samples, ...own.samples]);
    this.store.write(at, samples);
    this.previous = this.last;
    this.last = { at, samples, processes, logFiles: own.tailedFiles };
    return this.last;
  }

  start(): void {
    const schedule = () => {
      const every = Math.max(1_000, this.deps.intervalMs());
      const now = this.deps.clock.now();
      this.timer = this.deps.clock.setTimeout(tick, Math.ceil((now + 1) / every) * every - now);
    };
    const tick = () => {
      try {
        this.sampleOnce();
      } catch (err) {
        console.error('[lookout] system sampling failed', err);
      }
      if (this.timer) schedule();
    };
    this.timer = this.deps.clock.setTimeout(tick, 1_000);
  }

  stop(): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    this.self.stop();
  }
}
