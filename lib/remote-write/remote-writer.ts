import type { Clock, TimerHandle } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import type { MetricSample } from '@/lib/system/types';
import { BufferStore, deleteOtherQueues } from './buffer-store';
import type { RemoteWriteEndpoint } from './endpoint';
import type { WriteSeries } from './proto';
import { RemoteWriteQueue } from './queue';
import { encodeBatches, toWriteSeries } from './to-batches';

export interface RemoteWriteSettings {
  endpoints: RemoteWriteEndpoint[];
  externalLabels: Record<string, string>;
  /** How often the series are taken, as a Prometheus scraping /metrics would (`global.remote_write_interval`). */
  intervalMs: number;
}

/**
 * Remote write of Lookout's series (docs/configuration.md#remote-write): every interval, the samples /metrics
 * exposes, stamped with the interval's start, go to each receiver's queue. A reload keeps a queue (its counters and
 * buffer) whose name stays; a queue no longer configured is stopped and its buffer deleted.
 */
export class RemoteWriter {
  queues: RemoteWriteQueue[] = [];
  /** Intervals whose samples were taken; one late past a whole interval (a blocked event loop) is skipped, not doubled. */
  intervalsTaken = 0;
  private settings: RemoteWriteSettings = { endpoints: [], externalLabels: {}, intervalMs: 15_000 };
  private timer: TimerHandle | null = null;
  private running = false;
  /** Per queue, the series of its last interval by label key: one missing from the next gets a staleness marker. */
  private sent = new Map<string, Map<string, WriteSeries['labels']>>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly collect: () => MetricSample[],
    private readonly userAgent: string,
  ) {}

  configure(settings: RemoteWriteSettings): Promise<void> {
    this.settings = settings;
    const byName = new Map(this.queues.map((q) => [q.endpoint.name, q]));
    const next = settings.endpoints.map((e) => {
      const q = byName.get(e.name);
      if (!q) return new RemoteWriteQueue(e, new BufferStore(this.db, e.name), this.clock, this.userAgent);
      byName.delete(e.name);
      q.endpoint = e;
      return q;
    });
    this.queues = next;
    for (const name of byName.keys()) this.sent.delete(name);
    deleteOtherQueues(
      this.db,
      next.map((q) => q.endpoint.name),
    );
    if (this.running) {
      for (const q of next) q.start();
      this.schedule();
    }
    return Promise.all([...byName.values()].map((q) => q.stop())).then(() => undefined);
  }

  start(): void {
    this.running = true;
    for (const q of this.queues) q.start();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await Promise.all(this.queues.map((q) => q.stop()));
  }

  /** Takes the samples of the interval starting at `atMs` and queues them for every receiver. */
  tick(atMs: number): void {
    if (this.queues.length === 0) return;
    const samples = this.collect();
    this.intervalsTaken++;
    for (const q of this.queues) {
      const series = toWriteSeries(samples, atMs, this.settings.externalLabels, q.endpoint.relabel);
      const current = new Map(series.map((s) => [labelsKeyOf(s.labels), s.labels]));
      const previous = this.sent.get(q.endpoint.name);
      this.sent.set(q.endpoint.name, current);
      // As a Prometheus scrape does: a series in the last interval and not in this one ends now, so a query in the
      // receiver stops at once instead of repeating its last value for the 5-minute lookback.
      for (const [key, labels] of previous ?? [])
        if (!current.has(key)) series.push({ labels, samples: [{ value: Number.NaN, timestamp: atMs, stale: true }] });
      q.enqueue(encodeBatches(series, q.endpoint.maxSamplesPerSend));
    }
  }

  private schedule(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    if (!this.running || this.queues.length === 0) return;
    const every = this.settings.intervalMs;
    const next = (Math.floor(this.clock.now() / every) + 1) * every;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      try {
        this.tick(next);
      } catch (err) {
        console.error(`[lookout] remote write: taking the samples failed: ${(err as Error).message}`);
      }
      this.schedule();
    }, next - this.clock.now());
  }
}

const labelsKeyOf = (labels: WriteSeries['labels']): string => JSON.stringify(labels);
