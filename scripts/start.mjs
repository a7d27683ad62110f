// `npm start`: builds when no current build exists (a hash of the sources), then runs `next start`.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildWorker } from './build-worker.mjs';

const root = path.resolve(import.meta.dirname, '..');
const SOURCES = ['app', 'components', 'lib', 'public', 'instrumentation.ts', 'proxy.ts', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];
const STAMP = path.join(root, '.next', 'lookout-build-hash');
const WORKER = path.join(root, '.lookout', 'ingest-worker.mjs');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function* files(p) {
  if (!fs.existsSync(p)) return;
  if (fs.statSync(p).isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) yield* files(path.join(p, name));
  } else yield p;
}

function sourceHash() {
  const h = crypto.createHash('sha256');
  for (const top of SOURCES) {
    for (const f of files(path.join(root, top))) {
      h.update(path.relative(root, f));
      h.update(fs.readFileSync(f));
    }
  }
  return h.digest('hex');
}

function buildIfNeeded() {
  const hash = sourceHash();
  const current = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash;
  if (current && fs.existsSync(WORKER)) return;
  if (!current) buildNext();
  buildWorker(root);
  fs.writeFileSync(STAMP, hash);
}

function buildNext() {
  console.log('[lookout] building the dashboard (first start or changed sources; takes a minute or two)…');
  const r = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) {
    console.error('[lookout] the build failed; see the errors above.');
    process.exit(r.status ?? 1);
  }
}

buildIfNeeded();
if (process.argv.includes('--build-only')) process.exit(0);

const port = process.env.PORT || '3000';
const host = process.env.HOST || '0.0.0.0';
const child = spawn(process.execPath, [nextBin, 'start', '-p', port, '-H', host], {
  cwd: root,
  stdio: 'inherit',
  // Lookout handles SIGTERM/SIGINT itself so it can commit in-flight work before exiting.
  env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: 'true', NEXT_TELEMETRY_DISABLED: '1' },
});
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
