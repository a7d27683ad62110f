// npm run bench:alerts — (a) 200 alert rules over 30 days of probe checks and log rollups, evaluated as
// the engine does every 15 s: time per round and CPU share; (b) condition → webhook latency on a real clock.
import fs from 'node:fs';
import { tempDir } from '../helpers/temp-dir';
import { measureEvaluation } from './alert-eval';
import { measureLatency } from './alert-latency';

const DAY = 86_400_000;
const RULES = Number(process.env.BENCH_RULES ?? 200);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const TARGETS = Number(process.env.BENCH_TARGETS ?? 20);
const RPS = Number(process.env.BENCH_RPS ?? 0.5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const TRIALS = Number(process.env.BENCH_TRIALS ?? 8);
const PART = process.env.BENCH_PART ?? 'ab';
const INTERVAL_S = 15;

const fmt = (n: number, d = 1) => n.toFixed(d);

async function partA(): Promise<boolean> {
  const dir = tempDir('lookout-bench-alerts-');
  const end = Math.floor(Date.now() / DAY) * DAY;
  const r = await measureEvaluation(
    dir,
    { end, days: DAYS, targets: TARGETS, checkIntervalMs: 30_000, rps: RPS },
    RULES,
    ROUNDS,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`\n(a) rule evaluation — ${r.rules} rules in ${Math.ceil(r.rules / 20)} groups, ${DAYS} days of data`);
  console.log(
    `    seeded ${r.checks.toLocaleString()} checks (${TARGETS} targets every 30 s) and ${r.requests.toLocaleString()} requests (2 log sources) in ${fmt(r.seedSeconds, 0)} s`,
  );
  console.log(
    `    first round ${fmt(r.firstRoundMs)} ms; over ${ROUNDS} rounds: p50 ${fmt(r.p50Ms)} ms, max ${fmt(r.maxMs)} ms per round`,
  );
  console.log(`    CPU: ${fmt(r.cpuPercent, 2)} % of one core (CPU time of the rounds / ${ROUNDS} × ${INTERVAL_S} s)`);
  console.log(`    rules: ${r.firing} firing, ${r.pending} pending, ${r.errors.length} with errors`);
  for (const e of r.errors.slice(0, 5)) console.log(`      error: ${e}`);
  const inInterval = r.maxMs < INTERVAL_S * 1000;
  const underCpu = r.cpuPercent < 10;
  console.log(
    `${inInterval ? 'PASS' : 'MISS'}  every round within one ${INTERVAL_S} s interval (max ${fmt(r.maxMs)} ms = ${fmt((r.maxMs / (INTERVAL_S * 1000)) * 100, 2)} % of it)`,
  );
  console.log(
    `${underCpu ? 'PASS' : 'MISS'}  CPU < 10 % of a core (${fmt(r.cpuPercent, 2)} %, ratio ${fmt(r.cpuPercent / 10, 3)} of the budget)`,
  );
  return inInterval && underCpu && r.errors.length === 0;
}

async function partB(): Promise<boolean> {
  const r = await measureLatency(TRIALS);
  console.log(
    `\n(b) condition → webhook on a real clock: evaluation_interval ${r.evalS}s, for ${r.forS}s, group_wait ${r.groupWaitS}s, probe every ${r.probeMs} ms`,
  );
  console.log(`    bound = for + evaluation interval + group_wait + 1 s = ${fmt(r.boundMs / 1000, 1)} s`);
  console.log(
    '    trial  target down → first failed check  failed check → webhook  (ratio to bound)  target down → webhook',
  );
  r.trials.forEach((t, i) =>
    console.log(
      `    ${String(i + 1).padStart(5)}  ${fmt(t.detectMs, 0).padStart(28)} ms  ${fmt(t.latencyMs, 0).padStart(18)} ms  ${fmt(t.latencyMs / r.boundMs, 2).padStart(16)}  ${fmt(t.totalMs, 0).padStart(18)} ms`,
    ),
  );
  const worst = Math.max(...r.trials.map((t) => t.latencyMs));
  const ok = worst <= r.boundMs;
  console.log(
    `${ok ? 'PASS' : 'MISS'}  condition true → webhook ≤ bound in every trial (worst ${fmt(worst, 0)} ms vs ${fmt(r.boundMs, 0)} ms, ratio ${fmt(worst / r.boundMs, 2)})`,
  );
  return ok;
}

async function main() {
  const a = PART.includes('a') ? await partA() : true;
  const b = PART.includes('b') ? await partB() : true;
  process.exitCode = a && b ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
