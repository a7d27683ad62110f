// The checkpointer thread's bundle (.lookout/ingest-checkpointer.mjs): better-sqlite3 and a timer.
import { workerData } from 'node:worker_threads';
import { runCheckpointer } from './checkpointer';
import type { CheckpointerInit } from './protocol';

runCheckpointer((workerData as CheckpointerInit).dataDir);
