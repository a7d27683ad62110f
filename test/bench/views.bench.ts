// npm run bench:views — 30 days of CCProxy traffic (about 1.5M lines) and 200 targets: p95 of every API
// call the overview and /logs make, for 1h, 24h, 7d and 30d (and the SLO reads over 30-day windows); and the first-load JavaScript of /, /logs, /wall.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { FakeClock, systemClock } from '@/lib/clock';
import { openReadDb, openWriteDb } from '@/lib/db/connection';
import { CheckWriter } from '@/lib/engine/check-writer';
import { IngestService } from '@/lib/ingest/ingest-service';
import { insertBudget } from '@/lib/llm/budget-store';
import { insertSlo } from '@/lib/slo/slo-store';
import { exactQuantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';
import { writeCcproxyLog } from './ccproxy-log';
import { buildOnce, startServer, stopServer } from './server';

const DAY = 86_400_000;
const LINES = Number(process.env.BENCH_LINES ?? 1_500_000);
const TARGETS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 3902);
const RUNS = 20;

async function seed(dir: string, targetUrl: string): Promise<void> {
  const db = openWriteDb(path.join(dir, 'data'));
  const now = Date.now();
  const log = path.join(dir, 'history.log');
  writeCcproxyLog(log, LINES, now - 30 * DAY, 30 * DAY);
  await new IngestService(db, systemClock).importFile('ccproxy', log, () => {});
  const insert = db.prepare(
    `INSERT INTO targets (name, url, interval_ms, timeout_ms, created_at, updated_at, status, status_since) VALUES (?, ?, 30000, 2000, ?, ?, 'up', ?)`,
  );
  for (let i = 0; i < TARGETS; i++)
    insert.run(`t${i}`, `${targetUrl}?t=${i}`, now - 30 * DAY, now - 30 * DAY, now - 30 * DAY);
  // Half-hourly history for 30 days: enough rows to fill every rollup width and the raw edges.
  const writer = new CheckWriter(db, new FakeClock(now));
  for (let ts = now - 30 * DAY; ts < now; ts += 1_800_000) {
    for (let id = 1; id <= TARGETS; id++) {
      const up = (ts / 1_800_000 + id) % 97 !== 0;
      writer.push(id, {
        ts: ts + id * 1000,
        up,
        statusCode: up ? 200 : 503,
        latencyMs: 20 + (id % 50),
        error: up ? null : 'status 503 is not 2xx',
        gauges: { 'providers.healthy': up ? 3 : 0 },
      });
    }
    writer.flush();
  }
  // Three 30-day SLOs, one per counted kind: /api/v1/slos and each SLO page's read (with its burn-down).
  insertSlo(
    db,
    { name: 'probe', objective: 99.9, window: '30d', sli: { kind: 'probe_availability', target: 't1' } },
    now,
  );
  insertSlo(
    db,
    {
      name: 'requests',
      objective: 99,
      window: '30d',
      sli: { kind: 'request_availability', source: 'ccproxy', rate_limited: 'bad' },
    },
    now,
  );
  insertSlo(
    db,
    {
      name: 'latency',
      objective: 95,
      window: '30d',
      sli: { kind: 'request_latency', provider: 'groq', threshold_ms: 1000 },
    },
    now,
  );
  // A calendar month over every provider and rolling 24h/7d/30d windows (one per provider, one per client):
  // /api/v1/llm/budgets reads each one's window, its recent hour and what stays at its forecast instant.
  insertBudget(db, { name: 'all-monthly', period: 'month', limit_usd: 500 }, now, false);
  insertBudget(db, { name: 'all-24h', window: '24h', limit_usd: 50 }, now, false);
  insertBudget(db, { name: 'groq-7d', provider: 'groq', window: '7d', limit_usd: 100 }, now, false);
  insertBudget(db, { name: 'all-30d', window: '30d', limit_usd: 500 }, now, false);
  insertBudget(db, { name: 'claude-30d', client: 'claude-cli', window: '30d', limit_usd: 300 }, now, false);
  db.close();
}

/** The first retention pass prunes the 23 days of raw lines past the 7-day default; measure after it, as on a running server. */
async function waitForRetention(dataDir: string, startedAt: number): Promise<void> {
  const db = openReadDb(dataDir);
  const cutoff = startedAt - 7 * DAY - 300_000;
  const pending = db
    .prepare(
      `SELECT (SELECT 1 FROM logs WHERE ts < @cutoff LIMIT 1) OR (SELECT 1 FROM requests WHERE ts < @cutoff LIMIT 1)
         OR (SELECT 1 FROM log_rollups WHERE res = 10000 AND ts < @cutoff LIMIT 1)`,
    )
    .pluck();
  const deadline = Date.now() + 600_000;
  while (pending.get({ cutoff }) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1_000));
  db.close();
}

async function time(url: string): Promise<number> {
  const t = performance.now();
  const r = await fetch(url, { headers: { authorization: 'Bearer bench' } });
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${url} → ${r.status}`);
  return performance.now() - t;
}

async function firstLoadJs(base: string, page: string): Promise<number> {
  const html = await (await fetch(`${base}${page}`, { headers: { authorization: 'Bearer bench' } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]))];
  let total = 0;
  for (const src of srcs)
    total += zlib.gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).length;
  return Math.round(total / 1024);
}

async function main() {
  buildOnce();
  const target = http.createServer((_q, res) => res.end('{"status":"healthy","providers":{"healthy":3}}'));
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  const dir = tempDir('lookout-bench-views-');
  const seeded = Date.now();
  await seed(dir, `http://127.0.0.1:${(target.address() as { port: number }).port}/health`);
  console.log(
    `seeded ${LINES.toLocaleString()} lines and ${TARGETS} targets in ${Math.round((Date.now() - seeded) / 1000)} s`,
  );
  const startedAt = Date.now();
  const server = await startServer({ LOOKOUT_DATA_DIR: path.join(dir, 'data'), LOOKOUT_ADMIN_TOKEN: 'bench' }, PORT);
  await waitForRetention(path.join(dir, 'data'), startedAt);
  console.log(`start-up retention done after ${Math.round((Date.now() - startedAt) / 1000)} s`);
  const base = `http://127.0.0.1:${PORT}`;
  const results: Record<string, Record<string, number>> = {};
  for (const range of ['1h', '24h', '7d', '30d']) {
    const r = `from=now-${range}&to=now`;
    const calls: Record<string, string> = {
      summary: `/api/v1/stats/summary?${r}`,
      requests: `/api/v1/stats/requests?${r}&by=provider`,
      errors: `/api/v1/stats/errors?${r}&by=status`,
      latency: `/api/v1/stats/latency?${r}`,
      providers: `/api/v1/stats/providers?${r}`,
      models: `/api/v1/stats/models?${r}`,
      targets: '/api/v1/targets',
      sparklines: '/api/v1/targets/sparklines?from=now-1h',
      logs: `/api/v1/logs?${r}&limit=100`,
      'logs q=status:>=500': `/api/v1/logs?${r}&limit=100&q=${encodeURIComponent('status:>=500')}`,
      'logs q=word': `/api/v1/logs?${r}&limit=100&q=groq`,
      histogram: `/api/v1/logs/histogram?${r}`,
      'histogram q': `/api/v1/logs/histogram?${r}&q=${encodeURIComponent('status:>=500')}`,
      'histogram provider': `/api/v1/logs/histogram?${r}&q=${encodeURIComponent('provider:groq')}`,
      'histogram level': `/api/v1/logs/histogram?${r}&q=${encodeURIComponent('level:error')}`,
      'llm cost provider': `/api/v1/llm/cost?${r}&by=provider`,
      'llm cost model': `/api/v1/llm/cost?${r}&by=model`,
      'llm cost day': `/api/v1/llm/cost?${r}&by=day`,
      'llm clients': `/api/v1/llm/clients?${r}`,
      'llm unknown': `/api/v1/llm/unknown?${r}`,
      // SLOs read their own 30-day window whatever the range; measured once, in the 30d row.
      ...(range === '30d'
        ? {
            slos: '/api/v1/slos',
            'slo probe': '/api/v1/slos/1',
            'slo requests': '/api/v1/slos/2',
            'slo latency': '/api/v1/slos/3',
            // Judged on its own last 5 minutes whatever the range.
            'provider health': '/api/v1/providers/health',
            'llm budgets': '/api/v1/llm/budgets',
            'llm budget 30d': '/api/v1/llm/budgets/all-30d',
          }
        : {}),
    };
    results[range] = {};
    for (const [name, url] of Object.entries(calls)) {
      const times: number[] = [];
      await time(`${base}${url}`); // warm-up, not counted: the first call compiles the route and fills the page cache
      for (let i = 0; i < RUNS; i++) times.push(await time(`${base}${url}`));
      results[range][name] = Math.round(exactQuantile(times, 0.95)! * 10) / 10;
    }
  }
  const js = {
    '/': await firstLoadJs(base, '/'),
    '/logs': await firstLoadJs(base, '/logs'),
    '/wall': await firstLoadJs(base, '/wall'),
  };
  await stopServer(server);
  target.close();
  console.log('p95 ms per API call and range:');
  console.table(results);
  console.log('first-load JavaScript, KB gzipped:', js);
  const worst = Math.max(...Object.values(results).flatMap((r) => Object.values(r)));
  console.log(`${worst < 150 ? 'PASS' : 'MISS'}  every call p95 < 150 ms (worst ${worst} ms)`);
  console.log(`${js['/wall'] <= 250 ? 'PASS' : 'MISS'}  /wall first-load JS ≤ 250 KB gzipped (${js['/wall']} KB)`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
