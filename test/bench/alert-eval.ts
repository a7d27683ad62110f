import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '@/lib/clock';
import { openWriteDb } from '@/lib/db/connection';
import { AlertEngine } from '@/lib/engine/alert-engine';
import { loadRuleFiles } from '@/lib/rules';
import { exactQuantile } from '@/lib/stats/histogram';
import { benchRuleFile } from './alert-rules';
import { LOG_JOBS, type SeedOptions, seedChecks, seedLogRollups } from './alert-seed';

const INTERVAL = 15_000;

export interface EvalResult {
  rules: number;
  checks: number;
  requests: number;
  seedSeconds: number;
  firstRoundMs: number;
  p50Ms: number;
  maxMs: number;
  cpuPercent: number;
  errors: string[];
  firing: number;
  pending: number;
}

/**
 * Seeds `days` of checks and log rollups, loads the rule file, and lets the engine evaluate it on a
 * fake clock every 15 s for `rounds` rounds, timing each round's real and CPU time.
 */
export async function measureEvaluation(
  dir: string,
  seed: SeedOptions,
  totalRules: number,
  rounds: number,
): Promise<EvalResult> {
  const db = openWriteDb(path.join(dir, 'data'));
  const began = performance.now();
  const checks = seedChecks(db, seed);
  const requests = seedLogRollups(db, seed);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  const seedSeconds = (performance.now() - began) / 1000;
  fs.writeFileSync(path.join(dir, 'rules.yml'), benchRuleFile(totalRules, seed.targets, LOG_JOBS));
  const defs = loadRuleFiles(['rules.yml'], dir, INTERVAL);
  const rules = defs.reduce((n, g) => n + g.rules.length, 0);
  // Start so that every round evaluates at an instant the seeded history covers.
  const clock = new FakeClock(Math.floor((seed.end - (rounds + 1) * INTERVAL) / INTERVAL) * INTERVAL);
  const engine = new AlertEngine(db, clock, defs, undefined, 'http://127.0.0.1:3000');
  engine.start();
  const round = () => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    clock.advance(INTERVAL);
    const d = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (d.user + d.system) / 1000 };
  };
  const first = round();
  const times: number[] = [];
  let cpuMs = 0;
  for (let i = 0; i < rounds; i++) {
    const r = round();
    times.push(r.ms);
    cpuMs += r.cpuMs;
  }
  const status = engine.rules.list().flatMap((g) => g.status());
  await engine.stop();
  db.close();
  return {
    rules,
    checks,
    requests,
    seedSeconds,
    firstRoundMs: first.ms,
    p50Ms: exactQuantile(times, 0.5)!,
    maxMs: Math.max(...times),
    cpuPercent: (cpuMs / (rounds * INTERVAL)) * 100,
    errors: status.filter((s) => s.health === 'err').map((s) => `${s.name}: ${s.lastError}`),
    firing: status.filter((s) => s.state === 'firing').length,
    pending: status.filter((s) => s.state === 'pending').length,
  };
}
