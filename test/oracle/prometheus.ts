import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './alertmanager';

/** Debian's prometheus 2.42, started on 127.0.0.1 with its own TSDB in a temp dir, as a live oracle. */
export const PROMETHEUS = process.env.PROMETHEUS ?? '/usr/bin/prometheus';

export function hasPrometheus(): boolean {
  return spawnSync(PROMETHEUS, ['--version'], { encoding: 'utf8' }).status === 0;
}

export type PromAlert = { labels: Record<string, string>; state: 'pending' | 'firing'; activeAt: string };

export type RunningPrometheus = {
  url: string;
  alerts(): Promise<PromAlert[]>;
  stop(): Promise<void>;
};

/** Starts Prometheus with `config` (JSON is YAML) and rule files by name; resolves once /-/ready answers. */
export async function startPrometheus(config: object, rules: Record<string, string>): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-prom-'));
  for (const [name, text] of Object.entries(rules)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'prometheus.yml'), JSON.stringify({ ...config, rule_files: Object.keys(rules) }));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    PROMETHEUS,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited: ${stderr.slice(-500)}`);
    const ok = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready: ${stderr.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async alerts() {
      const body = (await (await fetch(`${url}/api/v1/alerts`)).json()) as { data: { alerts: PromAlert[] } };
      return body.data.alerts;
    },
    stop,
  };
}
