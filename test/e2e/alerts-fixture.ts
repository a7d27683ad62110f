// The harness's startLookout drops LOOKOUT_CONFIG on purpose; alerting needs a provisioning file, so this starts Lookout with one.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, type RunningLookout } from './lookout-server';

const root = path.resolve(import.meta.dirname, '..', '..');

export const ALERT_NAME = 'E2ETargetDown';
export const RUNBOOK_URL = 'https://runbooks.example.com/e2e-target-down';
export const TARGET_NAME = 'e2e-down';

/** lookout.yml and alerts.yml: a target on a closed port, a rule that fires 2 s after it is down, a webhook receiver. */
export function writeAlertingConfig(dir: string, closedPort: number, hookUrl: string): string {
  fs.writeFileSync(
    path.join(dir, 'alerts.yml'),
    `groups:
  - name: e2e
    rules:
      - alert: ${ALERT_NAME}
        expr: up{job="${TARGET_NAME}"} == 0
        for: 2s
        labels: { severity: critical }
        annotations:
          summary: "The e2e target is down"
          description: "up is {{ $value }} for <b>job</b> ${TARGET_NAME}"
          runbook_url: "${RUNBOOK_URL}"
`,
  );
  const file = path.join(dir, 'lookout.yml');
  fs.writeFileSync(
    file,
    `global:
  scrape_interval: 1s
  evaluation_interval: 1s
targets:
  - name: ${TARGET_NAME}
    url: http://127.0.0.1:${closedPort}/health
    interval: 1s
    timeout: 500ms
rule_files: [alerts.yml]
alerting:
  route:
    receiver: hook
    group_by: [alertname]
    group_wait: 1s
    group_interval: 1s
    repeat_interval: 1h
  receivers:
    - name: hook
      webhook_configs: [{ url: "${hookUrl}" }]
`,
  );
  return file;
}

export interface Webhook {
  url: string;
  bodies: unknown[];
  close: () => Promise<void>;
}

/** A real receiver on 127.0.0.1 that records every JSON body and answers 200. */
export async function startWebhook(): Promise<Webhook> {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(data || 'null') as unknown);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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

/** `node scripts/start.mjs` like the harness's startLookout, but with `configFile` as LOOKOUT_CONFIG (null: none). */
export async function startLookoutWithConfig(configFile: string | null): Promise<RunningLookout> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-e2e-alerts-'));
  const token = crypto.randomBytes(18).toString('base64url');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOOKOUT_DATA_DIR: dataDir, LOOKOUT_ADMIN_TOKEN: token };
  delete env.LOOKOUT_ANONYMOUS_READ;
  if (configFile) env.LOOKOUT_CONFIG = configFile;
  else delete env.LOOKOUT_CONFIG;
  // Its own process group, so a failed start also ends a `next build` it spawned instead of orphaning it.
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
  // Generous: start.mjs rebuilds first when sources changed since global setup (other work in the same tree).
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
    const ok = await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) break;
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
  };
}
