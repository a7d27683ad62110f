import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Ingest } from '../ingest';
import type { TailStatus } from '../tail';
import {
  type CallMessage,
  type IngestCalls,
  type IngestMethod,
  THREAD_YOUNG_GENERATION_MB,
  type WorkerInit,
  type WorkerMessage,
} from './protocol';

/**
 * Built by `npm start` (scripts/build-worker.mjs); without it (`next dev`) the server ingests in-process.
 * LOOKOUT_INGEST_WORKER names another bundle, or `off` to ingest in-process.
 */
export function workerBundlePath(): string | null {
  const setting = process.env.LOOKOUT_INGEST_WORKER;
  if (setting === 'off') return null;
  const file = setting || path.join(process.cwd(), '.lookout', 'ingest-worker.mjs');
  return fs.existsSync(/*turbopackIgnore: true*/ file) ? file : null;
}

// A checkpointer thread copies the WAL into the database continuously (checkpointer.ts). The writer
// thread's own checkpoint, every ~80 MB of WAL, only copies what is left and lets the WAL start over;
// the main thread's threshold is far above it, so a checkpoint never runs in the middle of an API request.
const WORKER_AUTOCHECKPOINT_PAGES = 20_000;
export const MAIN_AUTOCHECKPOINT_PAGES = 100_000;
const RESTART_DELAY_MS = 1_000;

/** Idle this long (no call, nothing tailed, nothing left to index), the threads stop until the next call. */
export const IDLE_STOP_MS = 60_000;
const IDLE_CHECK_MS = 5_000;

/** The worker is gone (crashed, restarting or stopped): nothing of the call was committed. */
export class IngestUnavailable extends Error {}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** What the client asks of the main thread's side of the database. */
export interface IngestClientHost {
  /** Whether the worker has work of its own besides calls: file sources to tail, lines not yet in the full-text index. */
  busy(): boolean;
  /** The worker threads started (true) or stopped (false). */
  running(on: boolean): void;
}

export interface IngestClientOptions {
  idleStopMs?: number;
  idleCheckMs?: number;
}

/**
 * Ingestion in a worker thread with its own write connection, so parsing and committing lines never
 * holds up API requests. The threads start with the first call that needs them and stop when idle;
 * a crashed worker is replaced, its tailers resuming from the committed offsets.
 */
export class IngestClient implements Ingest {
  private worker: Worker | null = null;
  /** A crashed worker's replacement is due: calls fail until then, as nothing would answer them. */
  private restarting = false;
  private retiring: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private statuses = new Map<string, TailStatus>();
  private seq = 0;
  private started = false;
  private stopping = false;
  private lastCallAt = Date.now();
  private readonly idleTimer: NodeJS.Timeout;

  constructor(
    private readonly bundle: string,
    private readonly init: Omit<WorkerInit, 'walAutocheckpoint'>,
    private readonly host: IngestClientHost,
    private readonly options: IngestClientOptions = {},
  ) {
    this.idleTimer = setInterval(() => this.retireIfIdle(), options.idleCheckMs ?? IDLE_CHECK_MS).unref();
  }

  /** With no source to tail and no worker running, there is nothing to sync: the threads stay stopped. */
  syncFileSources: IngestCalls['syncFileSources'] = (...args) => {
    if (!this.worker && !this.retiring && args[0].length === 0 && !this.host.busy()) return Promise.resolve();
    return this.call('syncFileSources', args);
  };
  addFileSource: IngestCalls['addFileSource'] = (...args) => this.call('addFileSource', args);
  detachSource: IngestCalls['detachSource'] = (...args) => this.call('detachSource', args);
  whenSynced: IngestCalls['whenSynced'] = () =>
    this.worker || this.retiring ? this.call('whenSynced', []) : Promise.resolve();
  ingestLines: IngestCalls['ingestLines'] = (...args) => this.call('ingestLines', args);
  pollAll: IngestCalls['pollAll'] = () => this.call('pollAll', []);

  start(): void {
    this.started = true;
    if (this.worker) this.startWorker();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    clearInterval(this.idleTimer);
    await this.retiring;
    await this.shutDown();
  }

  tailStatus(name: string): TailStatus | null {
    return this.statuses.get(name) ?? null;
  }

  private startWorker(): void {
    void this.post('start', []).catch((err: Error) => console.error('[lookout] ingestion did not start:', err.message));
  }

  /** Calls made while idle threads stop wait for that, then start them again, in the order they were made. */
  private call<M extends IngestMethod>(method: M, args: Parameters<IngestCalls[M]>): ReturnType<IngestCalls[M]> {
    this.lastCallAt = Date.now();
    const send = () => {
      if (!this.worker && !this.restarting && !this.stopping) this.spawn();
      return this.post(method, args);
    };
    return (this.retiring ? this.retiring.then(send) : send()) as ReturnType<IngestCalls[M]>;
  }

  private post<M extends IngestMethod>(method: M, args: Parameters<IngestCalls[M]>): Promise<unknown> {
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      if (!worker) {
        reject(new IngestUnavailable('log ingestion is restarting after a crash; try again in a moment'));
        return;
      }
      const id = ++this.seq;
      this.pending.set(id, {
        resolve: (value) => {
          this.lastCallAt = Date.now();
          resolve(value);
        },
        reject,
      });
      worker.postMessage({ id, method, args } satisfies CallMessage);
    });
  }

  private retireIfIdle(): void {
    if (!this.worker || this.retiring || this.stopping || this.pending.size > 0) return;
    if (Date.now() - this.lastCallAt < (this.options.idleStopMs ?? IDLE_STOP_MS) || this.host.busy()) return;
    this.retiring = this.shutDown()
      .catch((err: Error) => console.error('[lookout] stopping the idle ingestion threads:', err.message))
      .finally(() => {
        this.retiring = null;
      });
  }

  /** Commits what is in flight and ends the threads; the exit handler sees `worker` already cleared. */
  private async shutDown(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    try {
      // A worker that exits on its own while stopping has stopped all the same.
      await this.post('stop', []).catch((err: unknown) => {
        if (!(err instanceof IngestUnavailable)) throw err;
      });
    } finally {
      this.worker = null;
      this.statuses = new Map();
      await worker.terminate();
      this.host.running(false);
    }
  }

  private spawn(): void {
    const worker = new Worker(this.bundle, {
      workerData: { ...this.init, walAutocheckpoint: WORKER_AUTOCHECKPOINT_PAGES } satisfies WorkerInit,
      resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
    });
    this.worker = worker;
    this.host.running(true);
    worker.on('message', (m: WorkerMessage) => this.receive(worker, m));
    worker.on('error', (err) => console.error('[lookout] ingestion worker failed:', err));
    worker.on('exit', (code) => {
      const lost = [...this.pending.values()];
      this.pending.clear();
      for (const p of lost)
        p.reject(
          new IngestUnavailable(`log ingestion stopped (worker exit ${code}); nothing uncommitted was acknowledged`),
        );
      if (this.worker !== worker) return; // stopped on purpose
      this.worker = null;
      this.statuses = new Map();
      this.host.running(false);
      if (this.stopping) return;
      console.error(`[lookout] ingestion worker exited (${code}); restarting it in ${RESTART_DELAY_MS} ms`);
      this.restarting = true;
      setTimeout(() => {
        this.restarting = false;
        if (!this.stopping && !this.worker) this.spawn();
      }, RESTART_DELAY_MS).unref();
    });
    if (this.started) this.startWorker();
  }

  private receive(from: Worker, m: WorkerMessage): void {
    if (from === this.worker) this.statuses = new Map(m.statuses.map((s) => [s.source, s]));
    if (m.kind !== 'result') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  }
}
