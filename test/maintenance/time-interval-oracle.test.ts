import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { containsTime, timeIntervalSchema } from '@/lib/alerting/time-intervals';
import { tempDir } from '../helpers/temp-dir';
import { requireLiveOracle } from '../oracle/amtool';

// Maintenance schedules reuse Alertmanager's time_intervals; its own Go package is the oracle
// (golang-github-prometheus-alertmanager-dev), with a committed copy of its answers where Go is missing.
const GO = process.env.GO ?? '/usr/bin/go';
const GOPATH = '/usr/share/gocode';
const PACKAGE = path.join(GOPATH, 'src/github.com/prometheus/alertmanager/timeinterval');
const EXPECTED = new URL('./am-timeinterval.expected.json', import.meta.url);

const INTERVALS = [
  'times: [{ start_time: "09:00", end_time: "17:00" }]\nweekdays: ["monday:friday"]',
  'times: [{ start_time: "22:00", end_time: "24:00" }, { start_time: "00:00", end_time: "02:30" }]\nlocation: Europe/Paris',
  'times: [{ start_time: "01:30", end_time: "03:30" }]\nlocation: America/New_York',
  'times: [{ start_time: "02:00", end_time: "03:00" }]\nweekdays: [sunday]\nlocation: Europe/Berlin',
  'weekdays: ["saturday", "sunday"]\nlocation: Australia/Sydney',
  'days_of_month: ["-1"]\nlocation: Asia/Kolkata',
  'days_of_month: ["1:7", "-3:-1"]\nmonths: ["february", "march:april", "10"]',
  'days_of_month: ["29:31"]\nmonths: [february]\nyears: ["2026:2028"]',
  'times: [{ start_time: "00:00", end_time: "00:30" }]\nlocation: Asia/Kathmandu',
  'weekdays: [monday]\nlocation: Pacific/Chatham',
  'months: ["november:december"]\nlocation: America/Sao_Paulo',
  'times: [{ start_time: "12:00", end_time: "13:00" }]\nlocation: UTC',
];

const DST_DAYS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01'];

/** Every 181 minutes across 2026, every 7 around the DST changes of both hemispheres, a leap day in 2028. */
function instants(): number[] {
  const out: number[] = [];
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 3); t += 181 * 60_000) out.push(t);
  for (const day of DST_DAYS) {
    const at = Date.parse(`${day}T00:00:00Z`);
    for (let t = at - 86_400_000; t < at + 86_400_000; t += 7 * 60_000) out.push(t);
  }
  for (let t = Date.UTC(2028, 1, 25); t < Date.UTC(2028, 2, 3); t += 13 * 60_000) out.push(t);
  return out;
}

/** Four answers per hex digit keeps the committed copy small. */
function packBits(bits: boolean[]): string {
  let out = '';
  for (let i = 0; i < bits.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) n = n * 2 + (bits[i + j] ? 1 : 0);
    out += n.toString(16);
  }
  return out;
}

function runOracle(times: number[]): string[] | null {
  if (spawnSync(GO, ['version']).status !== 0 || !existsSync(PACKAGE)) return null;
  const dir = tempDir('lookout-am-ti-');
  try {
    copyFileSync(new URL('./am-timeinterval-oracle.go', import.meta.url), path.join(dir, 'main.go'));
    const env = { ...process.env, GOPATH, GO111MODULE: 'off', GOCACHE: path.join(dir, 'cache'), TZ: 'UTC' };
    const build = spawnSync(GO, ['build', '-o', 'oracle', 'main.go'], { cwd: dir, env, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building the Alertmanager oracle failed: ${build.stderr}`);
    const input = JSON.stringify(INTERVALS.map((interval) => ({ interval, times })));
    const run = spawnSync(path.join(dir, 'oracle'), { input, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status !== 0) throw new Error(`the Alertmanager oracle failed: ${run.stderr}`);
    return (JSON.parse(run.stdout) as boolean[][]).map(packBits);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("time_intervals agree with Alertmanager's timeinterval package", () => {
  const times = instants();
  const ours = INTERVALS.map((text) => {
    const ti = timeIntervalSchema.parse(parse(text));
    return packBits(times.map((t) => containsTime(ti, t)));
  });

  it('on every instant of the corpus, location and DST included', { timeout: 120_000 }, () => {
    const present = spawnSync(GO, ['version']).status === 0 && existsSync(PACKAGE);
    const live = requireLiveOracle('go and golang-github-prometheus-alertmanager-dev', present)
      ? runOracle(times)
      : null;
    if (live) {
      if (process.env.RECORD === '1') writeFileSync(EXPECTED, `${JSON.stringify(live, null, 0)}\n`);
      expect(ours).toEqual(live);
    }
    const committed = JSON.parse(readFileSync(EXPECTED, 'utf8')) as string[];
    expect(ours).toEqual(committed);
    // The corpus is not trivial: every interval is both in and out somewhere.
    for (const row of ours) expect(/[1-9a-f]/.test(row) && /[0-9a-e]/.test(row)).toBe(true);
  });
});
