// npm run bench:query — Grafana's query_range over 7 days at its default step (10 m for 7 days on a ~1,000 px
// panel) for the CCProxy rules' expressions, with 200 probe targets and ~1.5M log lines: p95 per expression through
// the /prometheus route (form-encoded POST, as Grafana sends), beside the same evaluation without the range
// query's read-ahead (rangeQuery over the series source step by step) for the ratio.
import fs from 'node:fs';
import path from 'node:path';
import * as queryRange from '@/app/prometheus/api/v1/query_range/route';
import { FakeClock } from '@/lib/clock';
import { openWriteDb } from '@/lib/db/connection';
import { clearLookout, setLookout } from '@/lib/engine/instance';
import { startLookout } from '@/lib/engine/lookout';
import { rebuildUpRuns } from '@/lib/engine/up-runs';
import { parsePromQL, rangeQuery } from '@/lib/rules/promql';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { exactQuantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';
import { seedChecks, seedLogRollups } from './alert-seed';

const DAY = 86_400_000;
const DAYS = Number(process.env.BENCH_DAYS ?? 7);
const TARGETS = Number(process.env.BENCH_TARGETS ?? 200);
const RPS = Number(process.env.BENCH_RPS ?? 0.6);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STEP_S = Number(process.env.BENCH_STEP ?? 600);
const GOAL_MS = 150;
// demo/alerts.yml's expressions; the seeded targets are t0…t199, so CCProxyDown's selector takes all of them.
const EXPRESSIONS = [
  'up == 0',
  'rate(http_requests_total{status=~"5.."}[5m]) > 0.1',
  'histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) > 2',
];

const fmt = (n: number, d = 1) => n.toFixed(d);

async function main(): Promise<void> {
  const dir = tempDir('lookout-bench-query-');
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  const seedStart = performance.now();
  const db = openWriteDb(path.join(dir, 'data'));
  const opts = { end, days: DAYS, targets: TARGETS, checkIntervalMs: 60_000, rps: RPS };
  const checks = seedChecks(db, opts);
  // The seed inserts checks directly; the check writer would have kept the runs of `up` as it went.
  rebuildUpRuns(db);
  const requests = seedLogRollups(db, opts);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  console.log(
    `seeded ${checks.toLocaleString()} checks (${TARGETS} targets every 60 s) and ${requests.toLocaleString()} requests = ${(requests * 3).toLocaleString()} log lines over ${DAYS} days in ${fmt((performance.now() - seedStart) / 1000, 0)} s`,
  );
  const clock = new FakeClock(end);
  const lookout = startLookout({
    clock,
    probes: false,
    env: {
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      configFile: null,
      adminToken: 'bench-admin-token',
      anonymousRead: false,
      externalUrl: 'http://127.0.0.1:3000',
    },
  });
  setLookout(lookout);
  const start = end - DAYS * DAY;
  const ask = async (expr: string) => {
    const body = new URLSearchParams({
      query: expr,
      start: String(start / 1000),
      end: String(end / 1000),
      step: String(STEP_S),
    });
    const t = performance.now();
    const res = await queryRange.POST(
      new Request('http://127.0.0.1/prometheus/api/v1/query_range', {
        method: 'POST',
        headers: { authorization: 'Bearer bench-admin-token', 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      }),
    );
    const json = (await res.json()) as { status: string; data?: { result: unknown[] }; error?: string };
    const ms = performance.now() - t;
    return { ms, series: json.data?.result.length ?? 0, error: json.status === 'success' ? null : json.error };
  };
  const stepwise = (expr: string) => {
    const source = createSqliteSeriesSource(lookout.readDb, { sinceMs: lookout.system.startedAt });
    const t = performance.now();
    rangeQuery(parsePromQL(expr), source, start, end, STEP_S * 1000);
    return performance.now() - t;
  };
  let pass = true;
  console.log(
    `query_range over ${DAYS} days, step ${STEP_S} s (${Math.floor((end - start) / 1000 / STEP_S) + 1} points), ${RUNS} runs each`,
  );
  for (const expr of EXPRESSIONS) {
    const first = await ask(expr);
    if (first.error) {
      pass = false;
      console.log(JSON.stringify({ expr, firstMs: +fmt(first.ms), error: first.error }));
      console.log(`MISS  p95 < ${GOAL_MS} ms for ${expr} (${first.error} after ${fmt(first.ms, 0)} ms)`);
      continue;
    }
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await ask(expr)).ms);
    const p50 = exactQuantile(times, 0.5) ?? NaN;
    const p95 = exactQuantile(times, 0.95) ?? NaN;
    const base: number[] = [];
    for (let i = 0; i < 2; i++) base.push(stepwise(expr));
    const baseP50 = exactQuantile(base, 0.5) ?? NaN;
    const ok = p95 < GOAL_MS;
    pass &&= ok;
    console.log(
      JSON.stringify({
        expr,
        series: first.series,
        firstMs: +fmt(first.ms),
        p50Ms: +fmt(p50),
        p95Ms: +fmt(p95),
        stepwiseP50Ms: +fmt(baseP50),
        ratio: +fmt(baseP50 / p50, 2),
      }),
    );
    console.log(
      `${ok ? 'PASS' : 'MISS'}  p95 < ${GOAL_MS} ms for ${expr} (${fmt(p95)} ms, ratio ${fmt(p95 / GOAL_MS, 2)} of the goal)`,
    );
  }
  clearLookout();
  await lookout.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = pass ? 0 : 1;
}

await main();
