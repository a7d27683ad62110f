import { spawn, type ChildProcess } from 'node:child_process';
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

async function waitForHealth(url: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Lookout exited with ${child.exitCode} before it was healthy:\n${logs()}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Lookout did not answer /api/v1/health within ${timeoutMs} ms:\n${logs()}`);
}

/** `node scripts/start.mjs` on a free port with a fresh data dir and admin token, as a user would run it. */
export async function startLookout(extraEnv: Record<string, string> = {}): Promise<RunningLookout> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-e2e-'));
  const token = crypto.randomBytes(18).toString('base64url');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOOKOUT_DATA_DIR: dataDir, LOOKOUT_ADMIN_TOKEN: token, ...extraEnv };
  delete env.LOOKOUT_CONFIG;
  if (!('LOOKOUT_ANONYMOUS_READ' in extraEnv)) delete env.LOOKOUT_ANONYMOUS_READ;
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const logs = () => output;
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, logs, 60_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
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
  };
}
