// The ingestion worker's entry: bundled to .lookout/ingest-worker.mjs by scripts/build-worker.mjs.
// It starts the writer and checkpointer threads beside itself, from their own smaller bundles next to it
// (or, when they are missing, this one): it tails and parses, the writer commits, the checkpointer copies the WAL.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { systemClock } from '@/lib/clock';
import { openWriteDb } from '@/lib/db/connection';
import { StorageFaultMark } from '@/lib/db/storage-fault-mark';
import { WriteTurns } from '@/lib/db/write-turns';
import { IngestService } from '../ingest-service';
import { runCheckpointer } from './checkpointer';
import {
  type CallMessage,
  type CheckpointerInit,
  type IngestCalls,
  THREAD_YOUNG_GENERATION_MB,
  type WorkerInit,
  type WorkerMessage,
  type WriterInit,
} from './protocol';
import { RemoteWriter } from './remote-writer';
import { runWriter } from './writer-thread';

const STATUS_EVERY_MS = 1_000;
/** This connection touches only the sources and their positions. */
const SOURCES_CACHE_KIB = 2_000;
/** Larger than in-process batches: a commit here holds up no API request. */
const TAIL_BATCH_LINES = 5_000;

/** A thread's own bundle beside this one, or this bundle, which runs every role. */
function bundleFor(file: string): URL {
  const own = new URL(file, import.meta.url);
  return fs.existsSync(fileURLToPath(own)) ? own : new URL(import.meta.url);
}

function startCheckpointer(dataDir: string): void {
  const thread = new Worker(bundleFor('./ingest-checkpointer.mjs'), {
    workerData: { role: 'checkpointer', dataDir } satisfies CheckpointerInit,
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
  });
  // Without it ingestion is slower, not wrong: the writer's own checkpoints still bound the WAL.
  thread.on('error', (err) =>
    console.error('[lookout] WAL checkpointer failed; the log writer thread still checkpoints on its own:', err),
  );
}

/** A writer that dies takes this thread with it; the main thread then restarts both from what is committed. */
function startWriter(init: WorkerInit, stopping: () => boolean): RemoteWriter {
  const thread = new Worker(bundleFor('./ingest-writer.mjs'), {
    workerData: { ...init, role: 'writer' } satisfies WriterInit,
    resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
  });
  thread.on('error', (err) => console.error('[lookout] log writer thread failed:', err));
  thread.on('exit', () => {
    if (!stopping()) process.exit(1);
  });
  return new RemoteWriter(thread);
}

function runIngestion(init: WorkerInit): void {
  const port = parentPort!;
  // This connection only writes sources and reads positions: its rare writes go before the writer thread's
  // next transaction, like the main thread's, and the writer thread's commits checkpoint.
  const db = openWriteDb(init.dataDir, { announce: new WriteTurns(init.writeTurns) }, SOURCES_CACHE_KIB);
  db.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const writer = startWriter(init, () => stopping);
  startCheckpointer(init.dataDir);
  const faults = init.storageFaults ? new StorageFaultMark(init.storageFaults) : undefined;
  const service = new IngestService(db, systemClock, { tailBatchLines: TAIL_BATCH_LINES, writer, faults });
  const post = (m: WorkerMessage) => port.postMessage(m);
  const statusTimer = setInterval(() => post({ kind: 'status', statuses: service.statuses() }), STATUS_EVERY_MS);

  const calls: IngestCalls = {
    syncFileSources: (inputs, baseDir) => service.syncFileSources(inputs, baseDir),
    addFileSource: (input, baseDir) => service.addFileSource(input, baseDir),
    detachSource: (name) => service.detachSource(name),
    whenSynced: () => service.whenSynced(),
    ingestLines: (source, lines, rejects) => service.ingestLines(source, lines, rejects),
    pollAll: () => service.pollAll(),
    start: async () => service.start(),
    stop: async () => {
      stopping = true;
      clearInterval(statusTimer);
      await service.stop();
      await writer.stop();
      db.close();
    },
  };

  port.on('message', async ({ id, method, args }: CallMessage) => {
    try {
      const fn = calls[method] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn(...args);
      post({ kind: 'result', id, ok: true, value, statuses: method === 'stop' ? [] : service.statuses() });
    } catch (err) {
      post({
        kind: 'result',
        id,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
        statuses: service.statuses(),
      });
    }
  });

  void service.resume();
}

const data = workerData as WorkerInit | WriterInit | CheckpointerInit;
if (!('role' in data)) runIngestion(data);
else if (data.role === 'writer') runWriter(data);
else runCheckpointer(data.dataDir);
