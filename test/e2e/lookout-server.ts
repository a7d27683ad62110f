import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface RunningLookout {
  url: string;
  token: string;
  dataDir: string;
  logs: () => string;
  stop: () => Promise<number | null>;
  /** SIGKILL (a crash, a power cut) or SIGTERM to the process group; the data dir stays for a restart on it. */
  crash: (signal?: 'SIGKILL' | 'SIGTERM') => Promise<number | null>;
}

/** Restarting on an earlier run's data dir, port and token (test/e2e/intake-restart.test.ts). */
export interface RestartFrom {
  dataDir: string;
  port: number;
  token: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/**
 * `node scripts/start.mjs` on a free port with a fresh data dir and admin token, as a user would run it.
 * LOOKOUT_CONFIG and LOOKOUT_ANONYMOUS_READ apply only when passed in `extraEnv`.
 */
export async function startLookout(extraEnv: Record<string, string> = {}, from?: RestartFrom): Promise<RunningLookout> {
  const port = from?.port ?? (await freePort());
  const dataDir = from?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-e2e-'));
  const token = from?.token ?? crypto.randomBytes(18).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOOKOUT_DATA_DIR: dataDir,
    LOOKOUT_ADMIN_TOKEN: token,
  };
  delete env.LOOKOUT_CONFIG;
  delete env.LOOKOUT_ANONYMOUS_READ;
  Object.assign(env, extraEnv);
  // Its own process group, so a failed start also ends a `next build` it spawned instead of orphaning it.
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const killAll = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const logs = () => output;
  const url = `http://127.0.0.1:${port}`;
  // Generous: start.mjs rebuilds first when the sources changed since the global setup.
  const deadline = Date.now() + 200_000;
  for (;;) {
    if (child.exitCode !== null) {
      killAll();
      throw new Error(`Lookout exited with ${child.exitCode} before it was healthy:\n${logs()}`);
    }
    if (Date.now() > deadline) {
      killAll();
      throw new Error(`Lookout did not answer /api/v1/health within 200 s:\n${logs()}`);
    }
    if (
      await fetch(`${url}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    token,
    dataDir,
    logs,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await waitForExit(child, 10_000);
      fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
    crash: async (signal = 'SIGKILL') => {
      if (signal === 'SIGKILL') killAll();
      else child.kill(signal);
      return waitForExit(child, 10_000);
    },
  };
}
