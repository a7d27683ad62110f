// npm run bench:query — Grafana's query_range over 7 days at its default step (10 m for 7 days on a ~1,000 px
// panel) for the CCProxy rules' expressions, with 200 probe targets and ~1.5M log lines: p95 per expression through
// the /prometheus route (form-encoded POST, as Grafana sends), beside the same query on the fine path (every step
// read from checks and 10 s rollups, with the read-ahead, as before the coarse answers) for the ratio; the two
// answers must be identical.
import fs from 'node:fs';
import path from 'node:path';
import * as queryRange from '@/app/prometheus/api/v1/query_range/route';
import { querySource } from '@/lib/api/prometheus/answer';
import { warmingSource } from '@/lib/api/prometheus/range-source';
import { FakeClock } from '@/lib/clock';
import { openWriteDb } from '@/lib/db/connection';
import { clearLookout, setLookout } from '@/lib/engine/instance';
import { startLookout } from '@/lib/engine/lookout';
import { rebuildUpRuns } from '@/lib/engine/up-runs';
import { rangeQuery } from '@/lib/rules/promql';
import { formatFloat } from '@/lib/rules/promql/format-float';
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

type Prom = { metric: Record<string, string>; values: [number, string][] };

/** The API's answer against the engine's: same series (sorted by labels on both sides) with the same points. */
function sameAnswer(api: Prom[], engine: { labels: Record<string, string>; points: [number, number][] }[]): boolean {
  if (api.length !== engine.length) return false;
  return api.every((s, i) => {
    const e = engine[i];
    return (
      JSON.stringify(Object.entries(s.metric).sort()) === JSON.stringify(Object.entries(e.labels).sort()) &&
      s.values.length === e.points.length &&
      s.values.every(([t, v], j) => t * 1000 === e.points[j][0] && v === formatFloat(e.points[j][1]))
    );
  });
}

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
    const json = (await res.json()) as { status: string; data?: { result: Prom[] }; error?: string };
    const ms = performance.now() - t;
    const result = json.data?.result ?? [];
    return { ms, series: result.length, result, error: json.status === 'success' ? null : json.error };
  };
  // The same source without its coarse answers: every step read from checks and 10 s rollups, ahead in chunks.
  const fine = (expr: string) => {
    const coarse = querySource(lookout);
    const source = warmingSource({ select: coarse.select.bind(coarse) }, end);
    const t = performance.now();
    const result = rangeQuery(expr, source, start, end, STEP_S * 1000);
    return { ms: performance.now() - t, result };
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
    const before = fine(expr);
    const same = sameAnswer(first.result, before.result);
    const ok = p95 < GOAL_MS && same;
    pass &&= ok;
    console.log(
      JSON.stringify({
        expr,
        series: first.series,
        firstMs: +fmt(first.ms),
        p50Ms: +fmt(p50),
        p95Ms: +fmt(p95),
        fineMs: +fmt(before.ms),
        speedup: +fmt(before.ms / p50, 1),
        sameAnswer: same,
      }),
    );
    console.log(
      `${ok ? 'PASS' : 'MISS'}  p95 < ${GOAL_MS} ms for ${expr} (${fmt(p95)} ms, ratio ${fmt(p95 / GOAL_MS, 2)} of the goal${same ? '' : ', ANSWER DIFFERS from the fine path'})`,
    );
  }
  clearLookout();
  await lookout.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = pass ? 0 : 1;
}

await main();
