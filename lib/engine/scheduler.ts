import type { Clock } from '@/lib/clock';
import { runProbe } from '@/lib/probes/run-probe';
import type { ProbeResult, ScheduledTarget } from '@/lib/probes/types';
import { Fifo } from './fifo';
import { type ProbeRunner, runGuarded } from './guarded-run';
import type { Entry, Job, SchedulerOptions, SchedulerStats } from './scheduler-types';

export type { SchedulerOptions, SchedulerStats } from './scheduler-types';

// One clock timer per target: Node keeps thousands of timers cheaply, and no loop scans all targets.
export class ProbeScheduler {
  private readonly clock: Clock;
  private readonly concurrency: number;
  private readonly run: ProbeRunner;
  private readonly onResult: (targetId: number, result: ProbeResult) => void;
  private readonly jitter: (intervalMs: number) => number;
  private readonly entries = new Map<number, Entry>();
  private readonly queue = new Fifo<Job>();
  private readonly pending = new Set<Promise<void>>();
  private running = false;
  private active = 0;
  private counts = { completed: 0, skipped: 0, missed: 0, maxLatenessMs: 0, started: 0, latenessSumMs: 0 };

  constructor(opts: SchedulerOptions) {
    this.clock = opts.clock;
    this.concurrency = Math.max(1, opts.concurrency ?? 64);
    this.run = opts.run ?? runProbe;
    this.onResult = opts.onResult;
    this.jitter = opts.jitter ?? ((intervalMs) => Math.random() * intervalMs);
  }

  upsert(t: ScheduledTarget): void {
    const specKey = JSON.stringify(t.spec);
    const e = this.entries.get(t.id);
    if (!e) {
      const entry: Entry = {
        target: t,
        specKey,
        phase: null,
        slot: 0,
        timer: null,
        busy: false,
        gen: 0,
        removed: false,
      };
      this.entries.set(t.id, entry);
      if (this.running) this.arm(entry);
      return;
    }
    const intervalChanged = e.target.intervalMs !== t.intervalMs;
    if (specKey !== e.specKey) {
      e.specKey = specKey;
      e.gen++;
      e.busy = false;
    }
    e.target = t;
    if (intervalChanged) {
      this.cancel(e);
      e.phase = null;
      if (this.running) this.arm(e);
    }
  }

  remove(id: number): void {
    const e = this.entries.get(id);
    if (!e) return;
    e.removed = true;
    this.cancel(e);
    this.entries.delete(id);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const e of this.entries.values()) this.arm(e);
  }

  /** Stops scheduling and drops queued checks; resolves once running checks finish (each within its timeout + 1 s). */
  async stop(): Promise<void> {
    this.running = false;
    for (const e of this.entries.values()) this.cancel(e);
    for (const job of this.queue.values()) job.entry.busy = false;
    this.queue.clear();
    await Promise.all([...this.pending]);
  }

  stats(): SchedulerStats {
    const queued = this.queue.values().filter((j) => this.isLive(j)).length;
    return { scheduled: this.entries.size, inFlight: this.active, queued, ...this.counts };
  }

  private intervalOf(e: Entry): number {
    return Math.max(1, e.target.intervalMs);
  }

  private cancel(e: Entry): void {
    if (e.timer !== null) this.clock.clearTimeout(e.timer);
    e.timer = null;
  }

  private arm(e: Entry): void {
    const now = this.clock.now();
    const interval = this.intervalOf(e);
    if (e.phase === null) {
      const j = this.jitter(interval);
      e.phase = now + (Number.isFinite(j) ? Math.min(Math.max(0, j), interval - 1) : 0);
      e.slot = 0;
    } else if (e.phase + e.slot * interval < now) {
      e.slot = Math.ceil((now - e.phase) / interval); // restarted after stop(): rejoin the same grid
    }
    e.timer = this.clock.setTimeout(() => this.fire(e), e.phase + e.slot * interval - now);
  }

  private fire(e: Entry): void {
    e.timer = null;
    if (!this.running || e.removed || e.phase === null) return;
    const interval = this.intervalOf(e);
    const behind = Math.floor((this.clock.now() - (e.phase + e.slot * interval)) / interval);
    if (behind > 0) {
      this.counts.missed += behind;
      e.slot += behind;
    }
    const due = e.phase + e.slot * interval;
    if (e.busy) this.counts.skipped++;
    else {
      e.busy = true;
      this.dispatch({ entry: e, gen: e.gen, due });
    }
    e.slot++;
    this.arm(e);
  }

  private isLive(job: Job): boolean {
    return !job.entry.removed && job.entry.gen === job.gen;
  }

  private dispatch(job: Job): void {
    if (this.active < this.concurrency) this.launch(job);
    else this.queue.push(job);
  }

  private drain(): void {
    while (this.active < this.concurrency && this.running) {
      const job = this.queue.shift();
      if (!job) return;
      if (this.isLive(job)) this.launch(job);
    }
  }

  private launch(job: Job): void {
    const { entry, due } = job;
    const lateness = Math.round(this.clock.now() - due);
    this.counts.maxLatenessMs = Math.max(this.counts.maxLatenessMs, lateness);
    this.counts.started++;
    this.counts.latenessSumMs += lateness;
    this.active++;
    const done = runGuarded(this.run, entry.target.spec, this.clock, due).then((result) => {
      this.active--;
      this.counts.completed++;
      this.pending.delete(done);
      if (this.isLive(job)) {
        entry.busy = false;
        this.deliver(entry.target.id, result);
      }
      this.drain();
    });
    this.pending.add(done);
  }

  private deliver(id: number, result: ProbeResult): void {
    try {
      this.onResult(id, result);
    } catch (err) {
      console.error(`[lookout] storing the check of target ${id} failed:`, err);
    }
  }
}
