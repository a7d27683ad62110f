// npm run bench:probes — 1,000 targets at a 5 s interval against one local server for 40 s.
// BENCH_MIX=1: 1,000 HTTP + 500 TCP + 200 DNS + 100 TLS targets at 5, 10, 15 or 30 s, against local servers.

import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import Database from 'better-sqlite3';
import { exactQuantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';
import { TestPki } from '../probes/certs';
import { dnsServer } from '../probes/dns-server';
import { startHealthServer } from './health-server';
import { describeTree, sampleTree } from './process-tree';
import { buildOnce, startServer, stopServer } from './server';

const TARGETS = Number(process.env.BENCH_TARGETS ?? 1000);
const INTERVAL_S = 5;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 40);
const PORT = 3900;
const MIX = process.env.BENCH_MIX === '1';
const MIX_INTERVALS_S = [5, 10, 15, 30];

/** The mixed run's other kinds: a TCP port (the health server's), a DNS server and a TLS server, all local. */
async function mixedTargets(healthPort: number): Promise<{ lines: string[]; close: () => void }> {
  const dns = await dnsServer({ 'bench.test': { A: ['127.0.0.1'] } });
  const cert = new TestPki().selfSigned('localhost', 30, 'DNS:localhost,IP:127.0.0.1');
  const tlsServer = tls.createServer({ key: cert.key, cert: cert.cert }, (s) => s.on('error', () => {}).end());
  await new Promise<void>((r) => tlsServer.listen(0, '127.0.0.1', () => r()));
  const tlsPort = (tlsServer.address() as AddressInfo).port;
  const lines: string[] = [];
  const add = (n: number, kind: string, fields: string) => {
    for (let i = 0; i < n; i++) {
      const every = MIX_INTERVALS_S[i % MIX_INTERVALS_S.length];
      lines.push(`  - { name: ${kind}${i}, type: ${kind}, ${fields}, interval: ${every}s, timeout: 2s }`);
    }
  };
  add(500, 'tcp', `url: "tcp://127.0.0.1:${healthPort}", conditions: ["[CONNECTED] == true"]`);
  add(200, 'dns', `server: "127.0.0.1:${dns.port}", query_name: bench.test, conditions: ["[BODY] == 127.0.0.1"]`);
  add(
    100,
    'tls',
    `url: "tls://127.0.0.1:${tlsPort}", insecure_skip_verify: true, conditions: ["[CERTIFICATE_EXPIRATION] > 336h"]`,
  );
  return {
    lines,
    close: () => {
      void dns.close();
      tlsServer.close();
    },
  };
}

async function main() {
  buildOnce();
  const target = await startHealthServer();
  const targetPort = target.port;

  const dir = tempDir('lookout-bench-');
  const lines = ['targets:'];
  for (let i = 0; i < TARGETS; i++) {
    lines.push(
      `  - name: t${i}`,
      `    url: http://127.0.0.1:${targetPort}/health?i=${i}`,
      `    interval: ${MIX ? MIX_INTERVALS_S[i % MIX_INTERVALS_S.length] : INTERVAL_S}s`,
      '    timeout: 2s',
    );
    lines.push('    conditions: ["[STATUS] == 200", "[BODY].providers.healthy > 0"]');
  }
  const mixed = MIX ? await mixedTargets(targetPort) : null;
  if (mixed) lines.push(...mixed.lines);
  fs.writeFileSync(path.join(dir, 'lookout.yml'), lines.join('\n'));
  const server = await startServer(
    {
      LOOKOUT_DATA_DIR: path.join(dir, 'data'),
      LOOKOUT_CONFIG: path.join(dir, 'lookout.yml'),
      LOOKOUT_ADMIN_TOKEN: 'bench',
    },
    PORT,
  );

  // Skip the first interval: starts are spread over it by design (15 s at most).
  await new Promise((r) => setTimeout(r, (MIX ? 15 : INTERVAL_S) * 1000 + 1000));
  const t0 = Date.now();
  const s0 = sampleTree(server.pid!);
  let peakRss = s0.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, sampleTree(server.pid!).rss)), 1000);
  await new Promise((r) => setTimeout(r, DURATION_S * 1000));
  const t1 = Date.now();
  const s1 = sampleTree(server.pid!);
  const processes = describeTree(server.pid!);
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 1500)); // let the last batch commit
  const exitCode = await stopServer(server);
  target.close();
  mixed?.close();

  const db = new Database(path.join(dir, 'data', 'lookout.db'), { readonly: true });
  const rows = db
    .prepare('SELECT target_id id, ts, up FROM checks WHERE ts >= ? AND ts < ? ORDER BY target_id, ts')
    .all(t0, t1) as { id: number; ts: number; up: number }[];
  const kinds = db.prepare('SELECT id, type, interval_ms FROM targets').all() as {
    id: number;
    type: string;
    interval_ms: number;
  }[];
  const intervalOf = new Map(kinds.map((k) => [k.id, k.interval_ms]));
  const typeOf = new Map(kinds.map((k) => [k.id, k.type]));
  const all = db.prepare('SELECT target_id id, ts FROM checks ORDER BY target_id, ts').all() as {
    id: number;
    ts: number;
  }[];
  const errors: number[] = [];
  const startupErrors: number[] = [];
  const lateBySecond = new Map<number, number>();
  for (let i = 1; i < all.length; i++) {
    if (all[i].id !== all[i - 1].id) continue;
    const err = Math.abs(all[i].ts - all[i - 1].ts - (intervalOf.get(all[i].id) ?? INTERVAL_S * 1000));
    (all[i - 1].ts >= t0 ? errors : startupErrors).push(err);
    if (err > 200)
      lateBySecond.set(
        Math.floor((all[i].ts - t0) / 1000),
        (lateBySecond.get(Math.floor((all[i].ts - t0) / 1000)) ?? 0) + 1,
      );
  }
  if (process.env.BENCH_DEBUG)
    console.log('intervals off by > 200 ms, by second since the window opened:', Object.fromEntries(lateBySecond));
  const expected = kinds.reduce((sum, k) => sum + (t1 - t0) / k.interval_ms, 0);
  const byType: Record<string, { checks: number; down: number }> = {};
  for (const r of rows) {
    const t = (byType[typeOf.get(r.id) ?? '?'] ??= { checks: 0, down: 0 });
    t.checks++;
    if (r.up === 0) t.down++;
  }
  if (MIX) {
    const reasons = db
      .prepare('SELECT error, COUNT(*) n FROM checks WHERE up = 0 AND ts >= ? GROUP BY error ORDER BY n DESC LIMIT 5')
      .all(t0);
    console.log('down reasons:', JSON.stringify(reasons));
  }
  const cpuPct = ((s1.cpuMs - s0.cpuMs) / (t1 - t0)) * 100;
  const report = {
    targets: kinds.length,
    interval_s: MIX ? MIX_INTERVALS_S.join('/') : INTERVAL_S,
    ...(MIX && { checks_by_type: byType }),
    window_s: Math.round((t1 - t0) / 100) / 10,
    checks_expected: Math.round(expected),
    checks_performed: rows.length,
    share_performed_pct: Math.round((rows.length / expected) * 1000) / 10,
    checks_down: rows.filter((r) => r.up === 0).length,
    interval_error_p50_ms: exactQuantile(errors, 0.5),
    interval_error_p99_ms: exactQuantile(errors, 0.99),
    interval_error_max_ms: exactQuantile(errors, 1),
    startup_interval_error_p99_ms: exactQuantile(startupErrors, 0.99),
    // The whole tree a user runs: npm, the start script and any process it spawns.
    tree_rss_mb_end: Math.round(s1.rss / 1048576),
    tree_rss_mb_peak: Math.round(peakRss / 1048576),
    processes,
    server_cpu_pct_of_one_core: Math.round(cpuPct * 10) / 10,
    graceful_exit_code: exitCode,
  };
  console.log(JSON.stringify(report, null, 2));
  const verdict = [
    ['share of expected checks ≥ 97 %', report.share_performed_pct >= 97],
    ['p99 interval error < 500 ms', (report.interval_error_p99_ms ?? Infinity) < 500],
    ['process tree RSS < 250 MB', report.tree_rss_mb_peak < 250],
  ] as const;
  for (const [goal, ok] of verdict) console.log(`${ok ? 'PASS' : 'MISS'}  ${goal}`);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
