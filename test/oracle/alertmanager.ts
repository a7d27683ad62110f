import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's prometheus-alertmanager 0.25, started on 127.0.0.1 with its own storage, as a live oracle. */
export const ALERTMANAGER = process.env.ALERTMANAGER ?? '/usr/bin/prometheus-alertmanager';

export function hasAlertmanager(): boolean {
  return spawnSync(ALERTMANAGER, ['--version'], { encoding: 'utf8' }).status === 0;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export type AmGroup = {
  labels: Record<string, string>;
  receiver: { name: string };
  alerts: { labels: Record<string, string>; status: { state: string; inhibitedBy: string[]; silencedBy: string[] } }[];
};
export type PostAlert = {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
};

export type RunningAlertmanager = {
  url: string;
  post(alerts: PostAlert[]): Promise<void>;
  groups(): Promise<AmGroup[]>;
  stop(): Promise<void>;
};

/** Gossip settings for a clustered pair: this member's address and its peers' (`--cluster.*`). */
export type AmCluster = { listen: string; peers: string[] };

/** Starts Alertmanager with `config` (JSON is YAML); resolves once /-/ready answers (at most 15 s). */
export async function startAlertmanager(
  config: unknown,
  externalURL = 'http://am.example:9093',
  cluster?: AmCluster,
): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-am-'));
  writeFileSync(join(dir, 'am.yml'), typeof config === 'string' ? config : JSON.stringify(config));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    ALERTMANAGER,
    [
      `--config.file=${join(dir, 'am.yml')}`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      ...clusterFlags(cluster),
      `--web.external-url=${externalURL}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`alertmanager exited: ${stderr.slice(-500)}`);
    const ok = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`alertmanager did not become ready: ${stderr.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async post(alerts) {
      const r = await fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!r.ok) throw new Error(`POST /api/v2/alerts: ${r.status} ${await r.text()}`);
    },
    async groups() {
      return (await (await fetch(`${url}/api/v2/alerts/groups`)).json()) as AmGroup[];
    },
    stop,
  };
}

// A peer waits peer-timeout × its position before notifying, to let the first member's notification log reach it by
// gossip; Alertmanager's defaults (15 s, 200 ms gossip) are shortened so a test's group settles in seconds.
function clusterFlags(cluster: AmCluster | undefined): string[] {
  if (!cluster) return ['--cluster.listen-address='];
  return [
    `--cluster.listen-address=${cluster.listen}`,
    `--cluster.advertise-address=${cluster.listen}`,
    ...cluster.peers.map((p) => `--cluster.peer=${p}`),
    '--cluster.peer-timeout=2s',
    '--cluster.gossip-interval=100ms',
    '--cluster.pushpull-interval=1s',
    '--cluster.settle-timeout=2s',
  ];
}
