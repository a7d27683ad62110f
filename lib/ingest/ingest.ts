import type { Rejection } from './record';
import type { InputLine } from './source-pipeline';
import type { LogSourceInput } from './source-schema';
import type { TailStatus } from './tail';

/**
 * What the rest of Lookout asks of ingestion. The server runs it in a worker thread that owns its
 * own write connection (IngestClient); tests with a fake clock and `npm run import` run it in-process.
 */
export interface Ingest {
  syncFileSources(inputs: LogSourceInput[], baseDir: string): Promise<void>;
  addFileSource(input: LogSourceInput, baseDir: string): Promise<void>;
  detachSource(name: string): Promise<void>;
  whenSynced(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  /** Resolves once the accepted lines are committed. */
  ingestLines(
    sourceName: string,
    lines: InputLine[],
    rejects: Rejection[],
  ): Promise<{ accepted: number; rejected: number }>;
  pollAll(): Promise<number>;
  tailStatus(name: string): TailStatus | null;
}
