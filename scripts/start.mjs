// `npm start`: builds when no current build exists (a hash of the sources), then serves the build from
// this very process (Next's custom server API): a `next start` child would hold a second Node runtime.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildWorker, WORKER_BUNDLES } from './build-worker.mjs';

const root = path.resolve(import.meta.dirname, '..');
const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'instrumentation.ts',
  'proxy.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'scripts/build-worker.mjs',
];
const STAMP = path.join(root, '.next', 'lookout-build-hash');
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
  const current =
    fs.existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    fs.existsSync(STAMP) &&
    fs.readFileSync(STAMP, 'utf8') === hash;
  if (current && WORKER_BUNDLES.every((f) => fs.existsSync(path.join(root, '.lookout', f)))) return;
  if (!current) buildNext();
  buildWorker(root);
  fs.writeFileSync(STAMP, hash);
}

function buildNext() {
  console.log('[lookout] building the dashboard (first start or changed sources; takes a minute or two)…');
  const r = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) {
    console.error('[lookout] the build failed; see the errors above.');
    process.exit(r.status ?? 1);
  }
}

buildIfNeeded();
if (process.argv.includes('--build-only')) process.exit(0);

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`[lookout] PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(1);
}
// What `next start` sets before serving; Lookout handles SIGTERM/SIGINT itself (lib/engine/boot.ts) so it
// can commit in-flight work before exiting, and SIGHUP reloads its configuration.
process.env.NODE_ENV ||= 'production';
process.env.NEXT_RUNTIME = 'nodejs';
process.env.NEXT_MANUAL_SIG_HANDLE = 'true';
process.env.NEXT_TELEMETRY_DISABLED = '1';
// The configuration the build resolved, as Next's standalone server.js passes it: loading next.config.ts
// itself would load the SWC compiler (~25 MB resident) only to transpile it. `.env` files load as before.
const requireNext = createRequire(createRequire(import.meta.url).resolve('next/package.json'));
requireNext('@next/env').loadEnvConfig(root, false);
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(
  JSON.parse(fs.readFileSync(path.join(root, '.next', 'required-server-files.json'), 'utf8')).config,
);
const { default: next } = await import('next');
const server = http.createServer();
const app = next({ dev: false, dir: root, hostname: host, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
// A status page rendered in the last 10 s is answered before Next (lib/status-pages/fast-path.ts).
const FAST_PATH = Symbol.for('lookout.status-fast-path');
server.on('request', (req, res) => {
  const fast = globalThis[FAST_PATH]?.(req.method, req.url, req.headers, req.socket.remoteAddress ?? '');
  if (fast) {
    res.writeHead(fast.status, fast.headers);
    res.end(fast.body ?? undefined);
    return;
  }
  handle(req, res).catch((err) => {
    console.error(`[lookout] failed to handle ${req.url}:`, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on('error', (err) => {
  console.error(`[lookout] cannot listen on ${host}:${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, () => console.log(`[lookout] listening on http://${host}:${port}`));
