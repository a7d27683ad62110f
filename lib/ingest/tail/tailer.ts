import { type Clock, systemClock, type TimerHandle } from '@/lib/clock';
import { BatchBuilder, flushHeld, readInto } from './file-reader';
import { resolveOptions, type TailLimits } from './options';
import { scanFiles } from './scan';
import { closeQuietly, remember, type ScanContext } from './scan-context';
import { buildStatus } from './status';
import { isDirty, positionOf, revertToBase, type TrackedFile } from './tracked-file';
import type { CommitFn, FilePosition, FileTailerOptions, PositionStore, TailSource, TailStatus } from './types';

/** A failed commit (a full disk, say) is retried with backoff, at least this often. */
const MAX_BACKOFF_MS = 2_000;

/** A batch handed to `commit`, with what the tailer records once it is committed. */
interface InFlight {
  batch: BatchBuilder;
  files: TrackedFile[];
  committed: FilePosition[];
  gone: TrackedFile[];
  forget: FilePosition[];
  done: Promise<void> | void;
  failed: boolean;
}

/**
 * Tails the files of one source with exactly-once delivery: each batch's lines and the offsets they advance are handed
 * to `commit` together, and in-memory state only moves forward once `commit` returns (or its promise resolves).
 *
 * Copy rule: a new inode whose full 1 KiB fingerprint AND the 64 KiB before our committed offset equal a live tracked
 * file's is a copy (copytruncate's `app.log.1`, `cp app.log x`). It is held unread while the original lives; when the
 * original is truncated or forgotten, the copy resumes at the offset we had committed for it, so only lines we never
 * read are read. A file found after its original was truncated (within 5 min) is matched on the fingerprint alone.
 */
export class FileTailer {
  private readonly source: TailSource;
  private readonly store: PositionStore;
  private readonly commitFn: CommitFn;
  private readonly clock: Clock;
  private readonly opts: TailLimits;
  private readonly buf: Buffer;
  private readonly ctx: ScanContext;
  private order = 0;
  private loaded = false;
  private queue: Promise<void> = Promise.resolve();
  private timer: TimerHandle | null = null;
  private started = false;
  private stopping = false;
  private closed = false;
  private lastPollAt: number | null = null;
  private lastCommitAt: number | null = null;
  private lastError: string | null = null;
  /** Polls failed in a row (a full disk, say): the next one waits longer, up to MAX_BACKOFF_MS. */
  private failures = 0;

  constructor(options: FileTailerOptions) {
    const { source, store, commit, clock, ...rest } = options;
    this.source = source;
    this.store = store;
    this.commitFn = commit;
    this.clock = clock ?? systemClock;
    this.opts = resolveOptions(rest);
    this.buf = Buffer.alloc(this.opts.readBufferBytes);
    this.ctx = {
      source,
      files: new Map(),
      recent: [],
      maxLineBytes: this.opts.maxLineBytes,
      events: {
        multiline: source.multiline !== false,
        maxEventLines: this.opts.maxEventLines,
        maxEventChars: this.opts.maxEventBytes,
      },
      now: this.clock.now(),
      nextOrder: () => ++this.order,
      stored: null,
      freshSource: false,
      forget: [],
    };
  }

  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.schedule();
  }

  /** Lets the poll in progress commit its current batch, then closes every file. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
    this.closed = true;
    for (const f of this.ctx.files.values()) await closeQuietly(f.handle);
    this.ctx.files.clear();
  }

  /** One scan plus as many batches as it takes to reach every file's current end. Rejects if `commit` throws. */
  pollOnce(): Promise<number> {
    const run = this.queue.then(() => this.runPoll());
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  status(): TailStatus {
    return buildStatus(this.source, this.ctx.files.values(), {
      lastPollAt: this.lastPollAt,
      lastCommitAt: this.lastCommitAt,
      lastError: this.lastError,
    });
  }

  private schedule(): void {
    if (this.stopping) return;
    const delay = Math.min(MAX_BACKOFF_MS, this.opts.pollMs * 2 ** Math.min(this.failures, 10));
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.pollOnce()
        .then(
          () => {
            this.failures = 0;
          },
          () => {
            this.failures++;
          },
        )
        .finally(() => this.schedule());
    }, delay);
  }

  private async runPoll(): Promise<number> {
    if (this.closed) return 0;
    const now = this.clock.now();
    this.ctx.now = now;
    if (!this.loaded) {
      this.ctx.stored = this.store.load(this.source.name);
      this.ctx.freshSource = this.ctx.stored.length === 0;
      this.loaded = true;
    }
    try {
      await scanFiles(this.ctx);
    } finally {
      this.ctx.freshSource = false;
    }
    this.lastPollAt = now;
    let total = 0;
    // Handed to `commit` and not yet known to be committed: at most the batch being written and the next one.
    const unsettled: InFlight[] = [];
    const settle = async (b: InFlight) => {
      await b.done;
      unsettled.splice(unsettled.indexOf(b), 1);
      this.afterCommit(b, now);
    };
    try {
      for (;;) {
        const batch = new BatchBuilder(this.opts.maxBatchLines, this.opts.maxBatchBytes);
        const full = await this.fill(batch);
        // A batch that failed while this one was read makes this one unwanted: it follows lines not stored.
        for (const b of unsettled) if (b.failed) await b.done;
        // Which files are gone is decided on what is committed, so the end of a poll waits for the batch in flight.
        if (!full) for (const b of [...unsettled]) await settle(b);
        const gone = full ? [] : this.drainedAndGone(now);
        const positions = [...this.ctx.files.values()].filter(
          (f) => f.copyOf === null && !gone.includes(f) && isDirty(f),
        );
        const forget: FilePosition[] = [...this.ctx.forget, ...gone.filter((f) => f.stored).map((f) => f.base)];
        if (batch.lines.length === 0 && positions.length === 0 && forget.length === 0) break;
        const committed = positions.map(positionOf);
        this.ctx.forget = [];
        const next: InFlight = { batch, files: positions, committed, gone, forget, done: undefined, failed: false };
        unsettled.push(next);
        next.done = this.commitFn({ source: this.source.name, lines: batch.lines, positions: committed, forget });
        // A synchronous commit is done; an asynchronous one is settled once the next batch is handed over.
        if (next.done === undefined) await settle(next);
        else {
          next.done.catch(() => {
            next.failed = true;
          });
          if (unsettled.length > 1) await settle(unsettled[0]);
        }
        total += batch.lines.length;
        if (!full || this.stopping) break;
      }
      for (const b of [...unsettled]) await settle(b);
    } catch (err) {
      // A batch handed over after the failed one is refused by the committer: wait for it to say so.
      for (const b of unsettled) await Promise.resolve(b.done).catch(() => undefined);
      this.ctx.forget = [...unsettled.flatMap((b) => b.forget), ...this.ctx.forget];
      for (const f of this.ctx.files.values()) revertToBase(f);
      this.lastError = `commit failed: ${err instanceof Error ? err.message : String(err)}`;
      throw err;
    }
    return total;
  }

  private async fill(batch: BatchBuilder): Promise<boolean> {
    const files = [...this.ctx.files.values()].sort((a, b) => a.order - b.order);
    for (const f of files) {
      if (f.copyOf !== null) continue;
      if (f.readOffset < f.size && (await readInto(f, batch, this.buf, this.ctx.now))) return true;
      if (f.readOffset >= f.size) flushHeld(f, batch, this.ctx.now, this.opts.multilineWaitMs);
      if (batch.full) return true;
    }
    return false;
  }

  private drainedAndGone(now: number): TrackedFile[] {
    return [...this.ctx.files.values()].filter(
      (f) =>
        f.unmatchedSince !== null &&
        now - f.unmatchedSince >= this.opts.forgetGraceMs &&
        (f.copyOf !== null || (f.readOffset >= f.size && f.events.heldFrom === null)),
    );
  }

  private afterCommit({ batch, files, committed, gone }: InFlight, now: number): void {
    this.lastError = null;
    this.lastCommitAt = now;
    files.forEach((f, i) => {
      f.base = committed[i];
      f.stored = true;
    });
    for (const [f, counts] of batch.touched) {
      f.stats.linesRead += counts.lines;
      f.stats.linesTruncated += counts.truncated;
      if (counts.lines > 0) f.stats.lastReadAt = now;
    }
    for (const f of gone) {
      if (f.copyOf === null) remember(this.ctx, f);
      this.ctx.files.delete(f.key);
      void closeQuietly(f.handle);
    }
  }
}
