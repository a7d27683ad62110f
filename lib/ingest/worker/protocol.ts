import type { Ingest } from '../ingest';
import type { TailStatus } from '../tail';

/** The calls the main thread makes into the worker: every async method of Ingest. */
export type IngestCalls = Pick<Ingest, 'syncFileSources' | 'addFileSource' | 'detachSource' | 'whenSynced' | 'ingestLines' | 'pollAll'> & {
  start(): Promise<void>;
  stop(): Promise<void>;
};
export type IngestMethod = keyof IngestCalls;

export interface WorkerInit {
  dataDir: string;
  /** Pages of WAL after which the worker's commits checkpoint; see ingest-client.ts. */
  walAutocheckpoint: number;
}

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
