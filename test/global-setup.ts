import path from 'node:path';
import { buildWorker } from '../scripts/build-worker.mjs';

/** Servers started by tests on the real clock ingest in a worker thread; it must match the sources under test. */
export default function setup(): void {
  buildWorker(path.resolve(import.meta.dirname, '..'));
}
