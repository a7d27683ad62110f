// Bundles the ingestion worker thread (lib/ingest/worker/ingest-worker.ts) into .lookout/ingest-worker.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

export function buildWorker(root) {
  const out = path.join(root, '.lookout', 'ingest-worker.mjs');
  const tmp = `${out}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [path.join(root, 'lib', 'ingest', 'worker', 'ingest-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['better-sqlite3'],
    tsconfig: path.join(root, 'tsconfig.json'),
    outfile: tmp,
    // Bundled CommonJS dependencies call require(); an ES module has to make one.
    banner: { js: "import { createRequire as __lookoutRequire } from 'node:module'; const require = __lookoutRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  fs.renameSync(tmp, out);
  return out;
}
