// npm run bench:status — a crowd of anonymous visitors on one status page: 500 requests/s for 30 s
// through `npm start`, with 50 targets probed every 5 s meanwhile. Reports p95, the server's CPU and
// whether the probes kept their interval while the page was hammered.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { exactQuantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';
import { startHealthServer } from './health-server';
import { sampleTree } from './process-tree';
import { buildOnce, startServer, stopServer } from './server';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const TARGETS = Number(process.env.BENCH_TARGETS ?? 50);
const INTERVAL_MS = 5_000;
const PORT = 3905;
const PATH = process.env.BENCH_PATH ?? '/status/bench';

function config(healthPort: number): string {
  const lines = ['targets:'];
  for (let i = 0; i < TARGETS; i++)
    lines.push(`  - { name: t${i}, url: "http://127.0.0.1:${healthPort}/health?i=${i}", interval: 5s, timeout: 2s }`);
  lines.push('status_pages:', '  - slug: bench', '    title: Bench status', '    show_latency: true', '    groups:');
  for (let g = 0; g < 5; g++) {
    lines.push(`      - name: Group ${g}`, '        components:');
    for (let c = 0; c < 4; c++) lines.push(`          - { name: Component ${g}-${c}, targets: [t${g * 4 + c}] }`);
  }
  return lines.join('\n');
}

/** Open loop: one request every 1000/RATE ms whatever the answers do, so a slow server shows as latency. */
async function hammer(url: string): Promise<{ ms: number[]; statuses: Record<number, number>; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const ms: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  const total = RATE * SECONDS;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      new Promise<void>((resolve) => {
        const t0 = performance.now();
        http
          .get(url, { agent, headers: process.env.BENCH_GZIP === '0' ? {} : { 'accept-encoding': 'gzip' } }, (res) => {
            res.resume();
            res.on('end', () => {
              ms.push(performance.now() - t0);
              statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
              resolve();
            });
          })
          .on('error', () => {
            errors++;
            resolve();
          });
      }),
    );
  }
  await Promise.all(inflight);
  agent.destroy();
  return { ms, statuses, errors };
}

/** Gaps between consecutive checks of each target in [from, to), minus the interval: how late probes ran. */
function intervalErrors(dbFile: string, from: number, to: number): number[] {
  const db = new Database(dbFile, { readonly: true });
  const rows = db
    .prepare('SELECT target_id id, ts FROM checks WHERE ts >= ? AND ts < ? ORDER BY target_id, ts')
    .all(from, to) as {
    id: number;
    ts: number;
  }[];
  db.close();
  const out: number[] = [];
  for (let i = 1; i < rows.length; i++)
    if (rows[i].id === rows[i - 1].id) out.push(Math.abs(rows[i].ts - rows[i - 1].ts - INTERVAL_MS));
  return out;
}

async function main() {
  buildOnce();
  const health = await startHealthServer();
  const dir = tempDir('lookout-bench-status-');
  fs.writeFileSync(path.join(dir, 'lookout.yml'), config(health.port));
  const dataDir = path.join(dir, 'data');
  const server = await startServer(
    {
      LOOKOUT_DATA_DIR: dataDir,
      LOOKOUT_CONFIG: path.join(dir, 'lookout.yml'),
      LOOKOUT_ADMIN_TOKEN: 'bench',
      LOOKOUT_PUBLIC_RATE_LIMIT: '0',
    },
    PORT,
  );
  try {
    // Let every target be checked a few times first, so the page has bars and sparklines to draw.
    await new Promise((r) => setTimeout(r, 20_000));
    const url = `http://127.0.0.1:${PORT}${PATH}`;
    const first = await fetch(url);
    if (first.status !== 200) throw new Error(`${PATH} answered ${first.status}`);
    const bytes = (await first.arrayBuffer()).byteLength;
    const from = Date.now();
    const before = sampleTree(server.pid!);
    const run = await hammer(url);
    const after = sampleTree(server.pid!);
    const to = Date.now();
    const cpuCores = (after.cpuMs - before.cpuMs) / (to - from);
    const errs = intervalErrors(path.join(dataDir, 'lookout.db'), from, to);
    const sorted = [...run.ms].sort((a, b) => a - b);
    const p95 = exactQuantile(sorted, 0.95) ?? Number.NaN;
    const figures = {
      path: PATH,
      page_bytes: bytes,
      rate_per_s: RATE,
      seconds: SECONDS,
      requests: run.ms.length,
      statuses: run.statuses,
      transport_errors: run.errors,
      achieved_per_s: Math.round(run.ms.length / ((to - from) / 1000)),
      latency_ms: {
        p50: Number((exactQuantile(sorted, 0.5) ?? 0).toFixed(1)),
        p95: Number(p95.toFixed(1)),
        p99: Number((exactQuantile(sorted, 0.99) ?? 0).toFixed(1)),
        max: Number((sorted.at(-1) ?? 0).toFixed(1)),
      },
      server_cpu_cores: Number(cpuCores.toFixed(3)),
      probe_interval_error_ms: {
        checks: errs.length + TARGETS,
        p50: exactQuantile(
          [...errs].sort((a, b) => a - b),
          0.5,
        ),
        p99: exactQuantile(
          [...errs].sort((a, b) => a - b),
          0.99,
        ),
        max: Math.max(0, ...errs),
      },
    };
    console.log(JSON.stringify(figures, null, 2));
    const ok200 = (run.statuses[200] ?? 0) === run.ms.length && run.errors === 0;
    console.log(`${p95 < 50 ? 'PASS' : 'MISS'} p95 ${p95.toFixed(1)} ms (goal < 50 ms)`);
    console.log(`${ok200 ? 'PASS' : 'MISS'} every request answered 200`);
    const p99 = figures.probe_interval_error_ms.p99 ?? Number.POSITIVE_INFINITY;
    console.log(
      `${p99 < 500 ? 'PASS' : 'MISS'} probe interval error p99 ${p99} ms while loaded (goal < 500 ms, as bench:probes)`,
    );
  } finally {
    await stopServer(server);
    health.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
