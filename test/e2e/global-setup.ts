import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Builds once for every e2e file; each test then starts the already-built server in seconds. */
export default function setup(): void {
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`building Lookout failed (exit ${r.status}); see the output above`);
}
