import type { EncodedBatch } from '../batch-codec';
import type { Ingest } from '../ingest';
import type { TailStatus } from '../tail';

/** The calls the main thread makes into the worker: every async method of Ingest. */
export type IngestCalls = Pick<
  Ingest,
  'syncFileSources' | 'addFileSource' | 'detachSource' | 'whenSynced' | 'ingestLines' | 'pollAll'
> & {
  start(): Promise<void>;
  stop(): Promise<void>;
};
export type IngestMethod = keyof IngestCalls;

export interface WorkerInit {
  dataDir: string;
  /** Pages of WAL after which the writer thread's commits checkpoint; see ingest-client.ts. */
  walAutocheckpoint: number;
  /** The main thread's announced writes, which the writer thread gives way to (lib/db/write-turns.ts). */
  writeTurns: SharedArrayBuffer;
  /** Where the writer thread leaves word of writes refused for lack of space (lib/db/storage-fault-mark.ts). */
  storageFaults?: SharedArrayBuffer;
}

/** The writer thread commits the batches the ingestion thread parsed; see writer-thread.ts. */
export interface WriterInit extends WorkerInit {
  role: 'writer';
}

/** `after`: the batch of the same source handed over before this one (0 for none), which must have been stored. */
export type ToWriter =
  | { kind: 'write'; seq: number; after: number; batch: EncodedBatch }
  | { kind: 'stop'; seq: number };
export type FromWriter = { seq: number; ok: true } | { seq: number; ok: false; error: string };

/** The checkpointer thread runs from the same bundle; see checkpointer.ts. */
export interface CheckpointerInit {
  role: 'checkpointer';
  dataDir: string;
}

export interface CallMessage {
  id: number;
  method: IngestMethod;
  args: unknown[];
}

/** Every answer carries fresh tail statuses, so the main thread can answer GET /sources without a round trip. */
export type WorkerMessage =
  | { kind: 'result'; id: number; ok: true; value: unknown; statuses: TailStatus[] }
  | { kind: 'result'; id: number; ok: false; error: string; statuses: TailStatus[] }
  | { kind: 'status'; statuses: TailStatus[] };

/**
 * V8's young generation for the ingestion and writer threads. Uncapped it grows to ~48 MB each while
 * lines pour in; capped, they collect garbage a little more often and stay smaller.
 */
export const THREAD_YOUNG_GENERATION_MB = 12;
