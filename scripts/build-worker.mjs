// Bundles the ingestion threads into .lookout/: the ingestion thread (lib/ingest/worker/ingest-worker.ts)
// and, each in a file of its own so it loads only what it runs, the writer and checkpointer threads it starts.
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ENTRIES = {
  'ingest-worker': 'ingest-worker.ts',
  'ingest-writer': 'writer-entry.ts',
  'ingest-checkpointer': 'checkpointer-entry.ts',
};

/** The bundles' file names under .lookout/. */
export const WORKER_BUNDLES = Object.keys(ENTRIES).map((name) => `${name}.mjs`);

export function buildWorker(root) {
  const dir = path.join(root, '.lookout');
  const tmp = path.join(dir, `.build-${process.pid}`);
  buildSync({
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, 'lib', 'ingest', 'worker', file)]),
    ),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3'],
    tsconfig: path.join(root, 'tsconfig.json'),
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS dependencies call require(); an ES module has to make one.
    banner: {
      js: "import { createRequire as __lookoutRequire } from 'node:module'; const require = __lookoutRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  for (const file of WORKER_BUNDLES) fs.renameSync(path.join(tmp, file), path.join(dir, file));
  fs.rmSync(tmp, { recursive: true, force: true });
  return path.join(dir, WORKER_BUNDLES[0]);
}
