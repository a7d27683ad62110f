// npm run bench:soak — weeks of running, compressed: the CCProxy simulator at 10× the demo's rate plus
// 200 targets at 10 s for 60 minutes, rotating the logs every 10, reloading the configuration every 5,
// one SIGKILL and restart midway. Samples every 10 s and prints the trend of each figure (docs/performance.md).
import fs from 'node:fs';
import path from 'node:path';
import { startSimulator } from '@/lib/sim/simulator';
import { tempDir } from '../helpers/temp-dir';
import { startHealthServer } from './health-server';
import { sampleTree, treeOf } from './process-tree';
import { buildOnce, startServer, stopServer } from './server';
import { anonRss, fileSize, metricValue, openFds, trend } from './soak-figures';

const env = process.env;
const MINUTES = Number(env.SOAK_MINUTES ?? 60);
const TARGETS = Number(env.SOAK_TARGETS ?? 200);
const RATE = Number(env.SOAK_RATE ?? 20); // requests/s per log; the demo writes 2
const SAMPLE_MS = Number(env.SOAK_SAMPLE_S ?? 10) * 1000;
const ROTATE_MS = Number(env.SOAK_ROTATE_MIN ?? 10) * 60_000;
const RELOAD_MS = Number(env.SOAK_RELOAD_MIN ?? 5) * 60_000;
const WARMUP_MS = Math.min(5 * 60_000, (MINUTES * 60_000) / 6);
// Two soaks can run side by side (an A/B of a setting such as MALLOC_ARENA_MAX): another port, and the second skips the build.
const PORT = Number(env.SOAK_PORT ?? 3950);
const TOKEN = 'soak';
const auth = { authorization: `Bearer ${TOKEN}` };

interface Sample {
  at: number;
  rss: number;
  anon: number;
  heap: number;
  fds: number;
  wal: number;
  db: number;
  loopP99Ms: number;
  ingestLagS: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function api<T>(pathAndQuery: string, init?: RequestInit): Promise<T> {
  const r = await fetch(`http://127.0.0.1:${PORT}${pathAndQuery}`, {
    ...init,
    headers: { ...auth, ...init?.headers },
    signal: AbortSignal.timeout(10_000),
  });
  if (!r.ok) throw new Error(`${pathAndQuery}: ${r.status} ${await r.text()}`);
  return (r.headers.get('content-type') ?? '').includes('json') ? ((await r.json()) as T) : ((await r.text()) as T);
}

function configText(logDir: string, targetPort: number, alertsFile: string, variant: number): string {
  const lines = ['global: { evaluation_interval: 15s }', 'targets:'];
  for (let i = 0; i < TARGETS; i++) {
    // The reload flips one target's interval so each reload changes something.
    const interval = i === 0 && variant % 2 === 1 ? '11s' : '10s';
    lines.push(
      `  - { name: t${i}, url: "http://127.0.0.1:${targetPort}/health?i=${i}", interval: ${interval}, timeout: 2s }`,
    );
  }
  lines.push(
    'logs:',
    `  - { name: ccproxy, path: "${path.join(logDir, 'ccproxy.log*')}", format: ccproxy }`,
    `  - { name: ccproxy-v0, path: "${path.join(logDir, 'ccproxy-v0.log*')}", format: ccproxy }`,
    `rule_files: ["${alertsFile}"]`,
  );
  return `${lines.join('\n')}\n`;
}

function rotate(logDir: string, n: number): void {
  for (const name of ['ccproxy.log', 'ccproxy-v0.log']) {
    const file = path.join(logDir, name);
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.${n}`);
  }
}

function killTree(pid: number): void {
  for (const p of treeOf(pid).reverse()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function main() {
  if (!env.SOAK_SKIP_BUILD) buildOnce();
  const target = await startHealthServer();
  const targetPort = target.port;
  const dir = tempDir('lookout-soak-');
  const logDir = path.join(dir, 'logs');
  const dataDir = path.join(dir, 'data');
  const configFile = path.join(dir, 'lookout.yml');
  const alertsFile = path.resolve(import.meta.dirname, '../../demo/alerts.yml');
  fs.writeFileSync(configFile, configText(logDir, targetPort, alertsFile, 0));

  const sim = await startSimulator({ logDir, port: 0, ratePerSecond: RATE, seed: 7 });
  const serverEnv = { LOOKOUT_DATA_DIR: dataDir, LOOKOUT_CONFIG: configFile, LOOKOUT_ADMIN_TOKEN: TOKEN };
  let server = await startServer(serverEnv, PORT);
  const t0 = Date.now();
  const end = t0 + MINUTES * 60_000;
  const killAt = t0 + (MINUTES * 60_000) / 2;
  let killed = false;
  let nextRotate = t0 + ROTATE_MS;
  let nextReload = t0 + RELOAD_MS;
  let rotations = 0;
  let reloads = 0;
  const samples: Sample[] = [];
  const problems: string[] = [];

  while (Date.now() < end) {
    await sleep(SAMPLE_MS - ((Date.now() - t0) % SAMPLE_MS));
    const now = Date.now();
    if (now >= nextRotate) {
      rotate(logDir, ++rotations);
      nextRotate += ROTATE_MS;
    }
    if (now >= nextReload) {
      fs.writeFileSync(configFile, configText(logDir, targetPort, alertsFile, ++reloads));
      await api('/api/v1/config/reload', { method: 'POST' }).catch((e: Error) => problems.push(`reload: ${e.message}`));
      nextReload += RELOAD_MS;
    }
    if (!killed && now >= killAt) {
      killed = true;
      console.log(`[soak] ${((now - t0) / 60_000).toFixed(1)} min: SIGKILL and restart`);
      killTree(server.pid!);
      server = await startServer(serverEnv, PORT);
      continue;
    }
    try {
      const metrics = await api<string>('/metrics');
      const newest = await api<{ data: { ts: string }[] }>('/api/v1/logs?source=ccproxy&limit=1&from=now-1h');
      const tree = sampleTree(server.pid!);
      samples.push({
        at: now,
        rss: tree.rss,
        anon: anonRss(server.pid!),
        heap: metricValue(metrics, 'lookout_heap_used_bytes') ?? 0,
        fds: openFds(server.pid!),
        wal: fileSize(path.join(dataDir, 'lookout.db-wal')),
        db: fileSize(path.join(dataDir, 'lookout.db')),
        loopP99Ms: (metricValue(metrics, 'lookout_event_loop_lag_p99_seconds') ?? 0) * 1000,
        ingestLagS: newest.data[0] ? (now - Date.parse(newest.data[0].ts)) / 1000 : Number.NaN,
      });
    } catch (err) {
      problems.push(`sample at ${((now - t0) / 60_000).toFixed(1)} min: ${(err as Error).message}`);
    }
  }

  await sim.stop();
  const tally = sim.tally();
  // Let ingestion drain what the simulator wrote last, then compare counts.
  let totals = { v1: 0, v0: 0 };
  for (let i = 0; i < 60; i++) {
    const [v1, v0] = await Promise.all(
      ['ccproxy', 'ccproxy-v0'].map((s) =>
        api<{ requests: number }>(`/api/v1/stats/summary?source=${s}&from=${t0 - 60_000}&to=now`),
      ),
    );
    totals = { v1: v1.requests, v0: v0.requests };
    if (totals.v1 === tally.files.v1.totals.requests && totals.v0 === tally.files.v0.totals.requests) break;
    await sleep(1000);
  }
  const exitCode = await stopServer(server);
  target.close();

  const steady = samples.filter((s) => s.at - t0 >= WARMUP_MS && !(killed && Math.abs(s.at - killAt) < WARMUP_MS));
  const afterKill = steady.filter((s) => s.at > killAt);
  const series = (pick: (s: Sample) => number, from = steady) => trend(from.map((s) => [s.at, pick(s)]));
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  const figures = {
    minutes: MINUTES,
    targets: TARGETS,
    requests_per_s_per_log: RATE,
    samples: samples.length,
    rotations,
    reloads,
    killed,
    rss_mb: {
      first: mb(steady[0]?.rss ?? 0),
      last: mb(steady.at(-1)?.rss ?? 0),
      max: mb(Math.max(...samples.map((s) => s.rss))),
    },
    rss_trend_mb_per_h_after_restart: mb(series((s) => s.rss, afterKill).perHour),
    rss_noise_mb: mb(series((s) => s.rss, afterKill).noise),
    anon_rss_mb: { first: mb(steady[0]?.anon ?? 0), last: mb(steady.at(-1)?.anon ?? 0) },
    anon_rss_trend_mb_per_h_after_restart: mb(series((s) => s.anon, afterKill).perHour),
    heap_trend_mb_per_h_after_restart: mb(series((s) => s.heap, afterKill).perHour),
    heap_noise_mb: mb(series((s) => s.heap, afterKill).noise),
    fds: { min: Math.min(...steady.map((s) => s.fds)), max: Math.max(...steady.map((s) => s.fds)) },
    fds_trend_per_h_after_restart: Math.round(series((s) => s.fds, afterKill).perHour * 10) / 10,
    wal_max_mb: mb(Math.max(...samples.map((s) => s.wal))),
    db_mb: { first: mb(samples[0]?.db ?? 0), last: mb(samples.at(-1)?.db ?? 0) },
    event_loop_p99_ms_max: Math.round(Math.max(...samples.map((s) => s.loopP99Ms))),
    ingest_lag_s_max:
      Math.round(Math.max(...samples.map((s) => (Number.isNaN(s.ingestLagS) ? 0 : s.ingestLagS))) * 10) / 10,
    requests: {
      simulator: { v1: tally.files.v1.totals.requests, v0: tally.files.v0.totals.requests },
      lookout: totals,
    },
    exit_code: exitCode,
    problems,
  };
  console.log(JSON.stringify(figures, null, 2));
  // "No growth" = the fitted growth over the steady part stays within three times the samples' scatter.
  const flat = (pick: (s: Sample) => number) => {
    const t = series(pick, afterKill);
    return Math.abs(t.growth) <= 3 * t.noise + 1;
  };
  const goals: [string, boolean][] = [
    ['no RSS growth after warm-up (growth within 3× the noise)', flat((s) => s.rss / 1048576)],
    ['no heap growth after warm-up', flat((s) => s.heap / 1048576)],
    ['no descriptor growth after warm-up', flat((s) => s.fds)],
    ['WAL bounded (< 200 MB)', figures.wal_max_mb < 200],
    ['ingest lag < 5 s throughout', figures.ingest_lag_s_max < 5],
    [
      'nothing lost or doubled across rotations and the kill',
      totals.v1 === tally.files.v1.totals.requests && totals.v0 === tally.files.v0.totals.requests,
    ],
    ['clean shutdown (exit 0)', exitCode === 0],
  ];
  for (const [name, ok] of goals) console.log(`${ok ? 'PASS' : 'MISS'} ${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(goals.every(([, ok]) => ok) ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
