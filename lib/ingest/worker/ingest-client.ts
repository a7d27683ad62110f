import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Ingest } from '../ingest';
import type { TailStatus } from '../tail';
import type { CallMessage, IngestCalls, IngestMethod, WorkerInit, WorkerMessage } from './protocol';

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

/** The worker is gone (crashed, restarting or stopped): nothing of the call was committed. */
export class IngestUnavailable extends Error {}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/**
 * Ingestion in a worker thread with its own write connection, so parsing and committing lines never
 * holds up API requests. A crashed worker is replaced; its tailers resume from the committed offsets.
 */
export class IngestClient implements Ingest {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private statuses = new Map<string, TailStatus>();
  private seq = 0;
  private started = false;
  private stopping = false;

  constructor(
    private readonly bundle: string,
    private readonly init: Omit<WorkerInit, 'walAutocheckpoint'>,
  ) {
    this.spawn();
  }

  syncFileSources: IngestCalls['syncFileSources'] = (...args) => this.call('syncFileSources', args);
  addFileSource: IngestCalls['addFileSource'] = (...args) => this.call('addFileSource', args);
  detachSource: IngestCalls['detachSource'] = (...args) => this.call('detachSource', args);
  whenSynced: IngestCalls['whenSynced'] = () => this.call('whenSynced', []);
  ingestLines: IngestCalls['ingestLines'] = (...args) => this.call('ingestLines', args);
  pollAll: IngestCalls['pollAll'] = () => this.call('pollAll', []);

  start(): void {
    this.started = true;
    void this.call('start', []).catch((err: Error) => console.error('[lookout] ingestion did not start:', err.message));
  }

  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    try {
      // A worker that exits on its own while stopping has stopped all the same.
      await this.call('stop', []).catch((err: unknown) => {
        if (!(err instanceof IngestUnavailable)) throw err;
      });
    } finally {
      await worker.terminate();
    }
  }

  tailStatus(name: string): TailStatus | null {
    return this.statuses.get(name) ?? null;
  }

  private call<M extends IngestMethod>(method: M, args: Parameters<IngestCalls[M]>): ReturnType<IngestCalls[M]> {
    const worker = this.worker;
    const promise = new Promise((resolve, reject) => {
      if (!worker) {
        reject(new IngestUnavailable('log ingestion is restarting after a crash; try again in a moment'));
        return;
      }
      const id = ++this.seq;
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args } satisfies CallMessage);
    });
    return promise as ReturnType<IngestCalls[M]>;
  }

  private spawn(): void {
    const worker = new Worker(this.bundle, { workerData: { ...this.init, walAutocheckpoint: WORKER_AUTOCHECKPOINT_PAGES } satisfies WorkerInit });
    this.worker = worker;
    worker.on('message', (m: WorkerMessage) => this.receive(m));
    worker.on('error', (err) => console.error('[lookout] ingestion worker failed:', err));
    worker.on('exit', (code) => {
      this.worker = null;
      const lost = [...this.pending.values()];
      this.pending.clear();
      for (const p of lost) p.reject(new IngestUnavailable(`log ingestion stopped (worker exit ${code}); nothing uncommitted was acknowledged`));
      if (this.stopping) return;
      console.error(`[lookout] ingestion worker exited (${code}); restarting it in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => {
        if (this.stopping) return;
        this.spawn();
        if (this.started) this.start();
      }, RESTART_DELAY_MS).unref();
    });
  }

  private receive(m: WorkerMessage): void {
    this.statuses = new Map(m.statuses.map((s) => [s.source, s]));
    if (m.kind !== 'result') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  }
}
