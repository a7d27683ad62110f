// The writer thread's bundle (.lookout/ingest-writer.mjs): no parsers, no tailer.
import { workerData } from 'node:worker_threads';
import type { WriterInit } from './protocol';
import { runWriter } from './writer-thread';

runWriter(workerData as WriterInit);
