// The ingestion worker's entry: bundled to .lookout/ingest-worker.mjs by scripts/build-worker.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '@/lib/clock';
import { openWriteDb } from '@/lib/db/connection';
import { IngestService } from '../ingest-service';
import type { CallMessage, IngestCalls, WorkerInit, WorkerMessage } from './protocol';

const STATUS_EVERY_MS = 1_000;
const port = parentPort!;
const init = workerData as WorkerInit;
const db = openWriteDb(init.dataDir);
db.pragma(`wal_autocheckpoint = ${init.walAutocheckpoint}`);
const service = new IngestService(db, systemClock);
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
    clearInterval(statusTimer);
    await service.stop();
    db.close();
  },
};

port.on('message', async ({ id, method, args }: CallMessage) => {
  try {
    const fn = calls[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn(...args);
    post({ kind: 'result', id, ok: true, value, statuses: method === 'stop' ? [] : service.statuses() });
  } catch (err) {
    post({ kind: 'result', id, ok: false, error: err instanceof Error ? err.message : String(err), statuses: service.statuses() });
  }
});

void service.resume();
