// npm run bench:ingest — tail a 1M-line CCProxy log end to end through `npm start`, against the bare ceiling
// measured on the same file just before, while /api/v1/stats/summary is queried four times a second.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { exactQuantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';
import { writeCcproxyLog } from './ccproxy-log';
import { measureCeiling } from './ingest-ceiling';
import { sampleTree } from './process-tree';
import { buildOnce, startServer, stopServer } from './server';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const PORT = 3901;

function linesRead(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT COALESCE(SUM(lines_read), 0) FROM log_sources').pluck().get() as number) ?? 0;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

async function measureServer(dir: string, log: string, label: string, lines: number, env: Record<string, string>) {
  const dataDir = path.join(dir, `data-${label}`);
  // The ceiling just before each half: the machine's speed drifts over a run, and a ceiling taken a minute
  // earlier would move the ratio by as much as the code does.
  const ceilingDir = path.join(dir, `ceiling-${label}`);
  fs.mkdirSync(ceilingDir);
  const ceiling = measureCeiling(log, ceilingDir);
  const server = await startServer(
    { ...env, LOOKOUT_DATA_DIR: dataDir, LOOKOUT_CONFIG: path.join(dir, 'lookout.yml'), LOOKOUT_ADMIN_TOKEN: 'bench' },
    PORT,
  );
  const db = path.join(dataDir, 'lookout.db');
  // One untimed call first: Next loads a route's code on its first request, which is not ingestion's doing.
  await (
    await fetch(`http://127.0.0.1:${PORT}/api/v1/stats/summary?from=now-2h`, {
      headers: { authorization: 'Bearer bench' },
    })
  ).json();
  const started = Date.now();
  const cpu0 = sampleTree(server.pid!).cpuMs;
  const latencies: number[] = [];
  // The slowest answers with when they came and how large the WAL was: what to look at when p99 is high.
  const slow: { at_s: number; ms: number; wal_mb: number }[] = [];
  const walMb = () => Math.round((fs.statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0) / 1048576);
  let peakRss = 0;
  let peakWal = 0;
  let done = false;
  const poller = (async () => {
    while (!done) {
      const t = performance.now();
      const r = await fetch(`http://127.0.0.1:${PORT}/api/v1/stats/summary?from=now-2h`, {
        headers: { authorization: 'Bearer bench' },
      });
      await r.json();
      const ms = performance.now() - t;
      latencies.push(ms);
      if (ms > 100)
        slow.push({ at_s: Math.round((Date.now() - started) / 100) / 10, ms: Math.round(ms), wal_mb: walMb() });
      await new Promise((res) => setTimeout(res, 250));
    }
  })();
  while (linesRead(db) < lines && Date.now() - started < 600_000) {
    peakRss = Math.max(peakRss, sampleTree(server.pid!).rss);
    peakWal = Math.max(peakWal, walMb());
    await new Promise((r) => setTimeout(r, 100));
  }
  const secs = (Date.now() - started) / 1000;
  const cpu = (sampleTree(server.pid!).cpuMs - cpu0) / (secs * 1000);
  done = true;
  await poller;
  await stopServer(server);
  const endToEnd = lines / secs;
  return {
    ceiling_lines_per_s: Math.round(ceiling),
    end_to_end_lines_per_s: Math.round(endToEnd),
    // Floored to three decimals, so that 0.4999 does not pass as 0.5.
    ratio_to_ceiling: Math.floor((endToEnd / ceiling) * 1000) / 1000,
    server_cpu_cores: Math.round(cpu * 100) / 100,
    // The whole tree a user runs: npm and the server with its threads.
    tree_rss_mb_peak: Math.round(peakRss / 1048576),
    summary_requests_during_ingest: latencies.length,
    summary_p50_ms: Math.round(exactQuantile(latencies, 0.5)! * 10) / 10,
    summary_p99_ms: Math.round(exactQuantile(latencies, 0.99)! * 10) / 10,
    summary_slowest_over_100_ms: slow.sort((a, b) => b.ms - a.ms).slice(0, 5),
    wal_mb_peak: peakWal,
  };
}

async function main() {
  buildOnce();
  const dir = tempDir('lookout-bench-ingest-');
  const log = path.join(dir, 'ccproxy.log');
  writeCcproxyLog(log, LINES);
  const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length;

  fs.writeFileSync(
    path.join(dir, 'lookout.yml'),
    `logs:\n  - name: ccproxy\n    path: ccproxy.log\n    format: ccproxy\n`,
  );
  // Side by side in one run: ingestion on the server's main thread, then in its worker thread.
  // BENCH_WORKER_ONLY=1 skips the in-process half, to look into the worker's figures without the comparison.
  const inProcess = process.env.BENCH_WORKER_ONLY
    ? null
    : await measureServer(dir, log, 'in-process', lines, { LOOKOUT_INGEST_WORKER: 'off' });
  const worker = await measureServer(dir, log, 'worker', lines, {});
  console.log(
    JSON.stringify(
      { lines, file_mb: Math.round(fs.statSync(log).size / 1048576), in_process: inProcess, worker },
      null,
      2,
    ),
  );
  if (inProcess)
    console.log(
      `worker vs in-process: ${(worker.end_to_end_lines_per_s / inProcess.end_to_end_lines_per_s).toFixed(2)}× lines/s, summary p99 ${inProcess.summary_p99_ms} → ${worker.summary_p99_ms} ms`,
    );
  console.log(
    `${worker.ratio_to_ceiling >= 0.5 ? 'PASS' : 'MISS'}  end-to-end ≥ 0.5 of the ceiling (aim 0.7): ${worker.ratio_to_ceiling}`,
  );
  console.log(
    `${worker.summary_p99_ms < 250 ? 'PASS' : 'MISS'}  /api/v1/stats/summary p99 < 250 ms while ingesting: ${worker.summary_p99_ms} ms`,
  );
  console.log(
    `${worker.tree_rss_mb_peak < 350 ? 'PASS' : 'MISS'}  process tree RSS (npm included) < 350 MB while ingesting: ${worker.tree_rss_mb_peak} MB`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
