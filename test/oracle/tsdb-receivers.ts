import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './alertmanager';
import { PROMETHEUS } from './prometheus';

/** Debian's victoria-metrics (single-node), a remote write receiver whose /api/v1/export shows what arrived. */
export const VICTORIA_METRICS = process.env.VICTORIA_METRICS ?? '/usr/bin/victoria-metrics';

export const hasVictoriaMetrics = (): boolean =>
  spawnSync(VICTORIA_METRICS, ['-version'], { encoding: 'utf8' }).status === 0;

/** A receiver that can be stopped and started again on the same port and data: an outage, not a new receiver. */
export interface TsdbReceiver {
  /** Base URL (the query API lives under /api/v1). */
  url: string;
  /** Where remote write goes. */
  writeUrl: string;
  start(): Promise<void>;
  /** SIGTERM, waiting for the exit; the data stays for the next start. */
  stop(): Promise<void>;
  /** Stops and deletes the data. */
  remove(): Promise<void>;
}

type Kind = 'prometheus' | 'victoria-metrics';

function argsOf(kind: Kind, dir: string, port: number): [string, string[]] {
  if (kind === 'prometheus') {
    writeFileSync(join(dir, 'prometheus.yml'), 'global: { scrape_interval: 15s }\n');
    return [
      PROMETHEUS,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--web.enable-remote-write-receiver',
        '--log.level=warn',
      ],
    ];
  }
  return [
    VICTORIA_METRICS,
    [
      `-storageDataPath=${join(dir, 'data')}`,
      `-httpListenAddr=127.0.0.1:${port}`,
      '-retentionPeriod=1y',
      '-loggerLevel=ERROR',
      // Instant queries see the newest samples at once, as Prometheus's do.
      '-search.latencyOffset=0s',
    ],
  ];
}

/** Starts a Prometheus (`--web.enable-remote-write-receiver`) or a VictoriaMetrics on 127.0.0.1 with its own data dir. */
export async function startReceiver(kind: Kind): Promise<TsdbReceiver> {
  const dir = mkdtempSync(join(tmpdir(), `lookout-${kind}-`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let stderr = '';
  const ready = kind === 'prometheus' ? `${url}/-/ready` : `${url}/health`;
  const receiver: TsdbReceiver = {
    url,
    writeUrl: `${url}/api/v1/write`,
    async start() {
      const [bin, args] = argsOf(kind, dir, port);
      const c = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child = c;
      c.stderr?.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-4000);
      });
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (c.exitCode !== null) throw new Error(`${kind} exited: ${stderr.slice(-500)}`);
        const ok = await fetch(ready).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return;
        if (Date.now() > deadline) throw new Error(`${kind} did not become ready: ${stderr.slice(-500)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    },
    async remove() {
      await receiver.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await receiver.start();
  return receiver;
}

export interface ExportedSeries {
  metric: Record<string, string>;
  values: number[];
  timestamps: number[];
}

/** VictoriaMetrics' /api/v1/export (JSON lines) for a selector, after flushing what it holds in memory. */
export async function exportSeries(vm: TsdbReceiver, selector: string): Promise<ExportedSeries[]> {
  await fetch(`${vm.url}/internal/force_flush`);
  const res = await fetch(`${vm.url}/api/v1/export?${new URLSearchParams({ 'match[]': selector })}`);
  if (!res.ok) throw new Error(`export ${selector}: HTTP ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ExportedSeries);
}
