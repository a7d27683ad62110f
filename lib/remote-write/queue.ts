import type { Clock, TimerHandle } from '@/lib/clock';
import type { BufferStore } from './buffer-store';
import type { RemoteWriteEndpoint } from './endpoint';
import { compressBody } from './proto';
import { sendBatch } from './send';
import type { EncodedBatch } from './to-batches';

export interface QueueStatus {
  name: string;
  url: string;
  /** Samples in the disk buffer, not yet accepted by the receiver. */
  pending: number;
  pendingBytes: number;
  /** Since start: samples the receiver accepted, refused for good (4xx), and dropped past buffer_size. */
  sent: number;
  failed: number;
  dropped: number;
  retries: number;
  /** How far behind the receiver is: now minus the oldest pending sample, 0 when nothing waits. */
  lagSeconds: number;
  lastSendMs: number | null;
  lastError: string | null;
  lastErrorMs: number | null;
}

/**
 * One receiver's queue: samples go to its SQLite buffer at once (memory holds one request at most), a single sender
 * posts them oldest first, deletes what the receiver took, and backs off exponentially (min_backoff … max_backoff)
 * while the receiver is down or answers 5xx/429. A receiver down longer than buffer_size lasts loses the oldest.
 */
export class RemoteWriteQueue {
  private sent = 0;
  private failed = 0;
  private dropped = 0;
  private retries = 0;
  private lastSendMs: number | null = null;
  private lastError: string | null = null;
  private lastErrorMs: number | null = null;
  private pendingSamples: number;
  private pendingBytes: number;
  private oldestMs: number | null;
  private stopped = false;
  /** While backing off, new samples do not cut the wait short. */
  private backingOff = false;
  private wake: (() => void) | null = null;
  private timer: TimerHandle | null = null;
  private loop: Promise<void> | null = null;
  private readonly abort = new AbortController();

  constructor(
    public endpoint: RemoteWriteEndpoint,
    private readonly store: BufferStore,
    private readonly clock: Clock,
    private readonly userAgent: string,
  ) {
    const t = store.totals();
    this.pendingSamples = t.samples;
    this.pendingBytes = t.bytes;
    this.oldestMs = t.oldestMs;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops sending; what is buffered stays on disk for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wakeUp();
    await this.loop;
  }

  enqueue(batches: EncodedBatch[]): void {
    if (batches.length === 0) return;
    try {
      this.store.append(batches, this.clock.now());
    } catch (err) {
      // A full disk (or a broken database) must not stop the sampler: the interval is lost, and counted.
      this.dropped += batches.reduce((n, b) => n + b.samples, 0);
      this.noteError(`buffer write failed: ${(err as Error).message}`);
      return;
    }
    for (const b of batches) {
      this.pendingSamples += b.samples;
      this.pendingBytes += b.body.length;
      this.oldestMs = Math.min(this.oldestMs ?? b.oldestMs, b.oldestMs);
    }
    if (this.pendingBytes > this.endpoint.bufferBytes) {
      this.dropped += this.store.trim(this.endpoint.bufferBytes);
      this.refreshTotals();
    }
    if (!this.backingOff) this.wakeUp();
  }

  status(): QueueStatus {
    const now = this.clock.now();
    return {
      name: this.endpoint.name,
      url: this.endpoint.url,
      pending: this.pendingSamples,
      pendingBytes: this.pendingBytes,
      sent: this.sent,
      failed: this.failed,
      dropped: this.dropped,
      retries: this.retries,
      lagSeconds: this.oldestMs === null ? 0 : Math.max(0, (now - this.oldestMs) / 1000),
      lastSendMs: this.lastSendMs,
      lastError: this.lastError,
      lastErrorMs: this.lastErrorMs,
    };
  }

  private refreshTotals(): void {
    const t = this.store.totals();
    this.pendingSamples = t.samples;
    this.pendingBytes = t.bytes;
    this.oldestMs = t.oldestMs;
  }

  private wakeUp(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Waits for new samples, for `ms` (null: until woken), or for stop. */
  private pause(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      if (ms !== null) this.timer = this.clock.setTimeout(() => this.wakeUp(), ms);
    });
  }

  private async run(): Promise<void> {
    let backoff = this.endpoint.minBackoffMs;
    while (!this.stopped) {
      const e = this.endpoint;
      const head = this.pendingSamples > 0 ? this.store.head(e.maxSamplesPerSend) : [];
      if (head.length === 0) {
        await this.pause(null);
        continue;
      }
      const samples = head.reduce((n, b) => n + b.samples, 0);
      // A partial batch waits for more samples until its first one is batch_send_deadline old.
      const age = this.clock.now() - head[0].writtenMs;
      if (samples < e.maxSamplesPerSend && age < e.batchSendDeadlineMs && this.pendingSamples <= samples) {
        await this.pause(e.batchSendDeadlineMs - age);
        continue;
      }
      const outcome = await sendBatch(
        e,
        compressBody(Buffer.concat(head.map((b) => b.body))),
        this.userAgent,
        this.abort.signal,
      );
      if (this.stopped) break;
      if (outcome.kind === 'retry') {
        this.retries++;
        this.noteError(outcome.error);
        this.backingOff = true;
        await this.pause(Math.max(backoff, outcome.retryAfterMs ?? 0));
        this.backingOff = false;
        backoff = Math.min(backoff * 2, e.maxBackoffMs);
        continue;
      }
      backoff = e.minBackoffMs;
      if (outcome.kind === 'ok') {
        this.sent += samples;
        this.lastSendMs = this.clock.now();
      } else {
        this.failed += samples;
        this.noteError(outcome.error);
        console.error(`[lookout] remote write ${e.name}: ${samples} samples refused for good: ${outcome.error}`);
      }
      this.store.remove(head.map((b) => b.id));
      this.pendingSamples -= samples;
      this.pendingBytes -= head.reduce((n, b) => n + b.body.length, 0);
      this.oldestMs = this.store.firstOldestMs();
    }
  }

  private noteError(error: string): void {
    this.lastError = error;
    this.lastErrorMs = this.clock.now();
  }
}
