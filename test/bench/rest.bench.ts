// npm run bench:rest — Lookout as `npm run demo` runs it (the CCProxy simulator, its two log files and
// probes), left alone: the resident memory of Lookout's process tree, the simulator not included.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { demoConfigForPort } from '@/lib/sim/demo-support';
import { startSimulator } from '@/lib/sim/simulator';
import { tempDir } from '../helpers/temp-dir';
import { describeTree, sampleTree } from './process-tree';
import { buildOnce, startServer, stopServer } from './server';

const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 60);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 60);
const PORT = 3902;
const root = path.resolve(import.meta.dirname, '..', '..');

/** The demo's provisioning file, pointed at this run's simulator and its log files. */
function demoConfig(port: number, logFiles: { v1: string; v0: string }): string {
  const demoDir = path.join(root, 'demo');
  const config = parseYaml(
    demoConfigForPort(fs.readFileSync(path.join(demoDir, 'lookout.yml'), 'utf8'), port, demoDir),
  ) as { logs: { path: string }[] };
  config.logs[0].path = logFiles.v1;
  config.logs[1].path = logFiles.v0;
  return stringifyYaml(config);
}

async function main() {
  buildOnce();
  const dir = tempDir('lookout-bench-rest-');
  const sim = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    logDir: path.join(dir, 'sim'),
    timeScale: 1,
    ratePerSecond: 2,
    seed: 1,
  });
  fs.writeFileSync(path.join(dir, 'lookout.yml'), demoConfig(sim.port, sim.logFiles));
  const env = {
    LOOKOUT_DATA_DIR: path.join(dir, 'data'),
    LOOKOUT_CONFIG: path.join(dir, 'lookout.yml'),
    LOOKOUT_ANONYMOUS_READ: 'true',
    LOOKOUT_ADMIN_TOKEN: 'bench',
  };
  const server = await startServer(env, PORT, 'node');
  await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
  const samples: number[] = [];
  for (let i = 0; i < DURATION_S; i++) {
    samples.push(sampleTree(server.pid!).rss);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const processes = describeTree(server.pid!);
  const sources = (await (await fetch(`http://127.0.0.1:${PORT}/api/v1/sources`)).json()) as {
    data: { name: string; lines: { read: number } }[];
  };
  const exitCode = await stopServer(server);
  await sim.stop();
  const mb = (b: number) => Math.round(b / 1048576);
  const report = {
    warmup_s: WARMUP_S,
    window_s: DURATION_S,
    tree_rss_mb_mean: mb(samples.reduce((a, b) => a + b, 0) / samples.length),
    tree_rss_mb_peak: mb(Math.max(...samples)),
    processes,
    sources_lines_read: Object.fromEntries(sources.data.map((s) => [s.name, s.lines.read])),
    graceful_exit_code: exitCode,
  };
  console.log(JSON.stringify(report, null, 2));
  console.log(
    `${report.tree_rss_mb_peak < 150 ? 'PASS' : 'MISS'}  Lookout's process tree RSS at rest with the demo < 150 MB: ${report.tree_rss_mb_peak} MB`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
