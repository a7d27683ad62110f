import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { treeOf } from './process-tree';

const root = path.resolve(import.meta.dirname, '..', '..');

export function buildOnce(): void {
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

export type Via = 'npm' | 'node';

/**
 * `npm start` as a user runs it, so the process tree measured includes npm itself; `node` runs
 * `node scripts/start.mjs` as `npm run demo` does. BENCH_VIA=node overrides, to tell npm's share apart.
 */
function spawnLookout(env: NodeJS.ProcessEnv, via: Via): ChildProcess {
  const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe'];
  if ((process.env.BENCH_VIA ?? via) === 'node')
    return spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio });
  return spawn('npm', ['start', '--silent'], { cwd: root, env, stdio });
}

/** Starts Lookout as a user would (`npm start`) and waits until its health endpoint answers. */
export async function startServer(env: Record<string, string>, port: number, via: Via = 'npm'): Promise<ChildProcess> {
  const child = spawnLookout({ ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env }, via);
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Lookout exited early:\n${log}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (r.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`Lookout did not answer within 60 s:\n${log}`);
}

/** SIGTERM to the process started, as a supervisor sends it; whatever of its tree outlives the deadline is killed. */
export async function stopServer(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const tree = treeOf(child.pid!);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 8_000));
  const result = await Promise.race([exited, timeout]);
  let orphans = 0;
  for (const pid of tree) {
    try {
      process.kill(pid, 'SIGKILL');
      orphans += 1;
    } catch {
      // exited
    }
  }
  if (orphans > 0)
    console.error(`[bench] ${orphans} process(es) of the server's tree outlived its exit and were killed`);
  return result === 'timeout' ? null : result;
}
