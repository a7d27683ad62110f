/**
 * Asks the real Prometheus (promtool test rules) what each `eval instant` of a corpus file returns, and
 * writes the answers next to it as <name>.expected.json. Run: npx tsx test/rules/promqltest/oracle.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseTestFile } from './runner';
import { parseLabels } from './series-notation';

export type OracleSample = { labels: Record<string, string>; value: string };
export type OracleCase = { line: number; expr: string; atMs: number; samples?: OracleSample[]; error?: string };
export type OracleFile = { promtool: string; cases: OracleCase[] };

export const CASES_DIR = path.join(import.meta.dirname, 'cases');

let version: string | null | undefined;

export function promtoolVersion(): string | null {
  if (version !== undefined) return version;
  try {
    version = execFileSync('promtool', ['--version'], { encoding: 'utf8' }).split('\n')[0].trim();
  } catch {
    version = null;
  }
  return version;
}

/** promtool's `got:` list: `{a="b"} 1E+00, {c="d"} NaN`. */
function parseGot(text: string): OracleSample[] {
  if (text === 'nil' || text === '') return [];
  const out: OracleSample[] = [];
  let rest = text;
  while (rest.length > 0) {
    const { labels, rest: after } = parseLabels(rest);
    const m = /^\s+(\S+?)(?:,\s+|$)/.exec(after);
    if (!m) throw new Error(`cannot read promtool output: ${text}`);
    out.push({ labels, value: m[1] });
    rest = after.slice(m[0].length);
  }
  return out;
}

/** Prometheus 2.x named double_exponential_smoothing holt_winters. */
function forPromtool(expr: string): string {
  return /^promtool, version 2\./.test(promtoolVersion() ?? '')
    ? expr.replace(/\bdouble_exponential_smoothing\(/g, 'holt_winters(')
    : expr;
}

/** Runs one corpus file's evals through promtool; every load scope (between clears) is one test group. */
export function askPromtool(text: string): OracleCase[] {
  const groups: { interval: string; series: { series: string; values: string }[]; cases: OracleCase[] }[] = [];
  let current: (typeof groups)[number] | null = null;
  for (const cmd of parseTestFile(text)) {
    if (cmd.kind === 'clear') current = null;
    else if (cmd.kind === 'load') {
      if (!current) groups.push((current = { interval: `${cmd.stepMs / 1000}s`, series: [], cases: [] }));
      if (current.interval !== `${cmd.stepMs / 1000}s`)
        throw new Error('one load step per scope: promtool has one interval per group');
      current.series.push(...cmd.raw.map((l) => ({ series: l.series, values: l.values })));
    } else {
      if (!current) groups.push((current = { interval: '1m', series: [], cases: [] }));
      if (cmd.c.range) throw new Error(`line ${cmd.c.line}: promtool evaluates instant queries only`);
      current.cases.push({ line: cmd.c.line, expr: cmd.c.expr, atMs: cmd.c.atMs });
    }
  }
  const doc = {
    evaluation_interval: '1m',
    tests: groups.map((g) => ({
      interval: g.interval,
      input_series: g.series,
      promql_expr_test: g.cases.map((c) => ({
        expr: forPromtool(c.expr),
        eval_time: `${c.atMs / 1000}s`,
        exp_samples: [],
      })),
    })),
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-oracle-'));
  const file = path.join(dir, 'cases.yml');
  fs.writeFileSync(file, stringify(doc));
  let output: string;
  try {
    output = execFileSync('promtool', ['test', 'rules', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    output = String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const cases = groups.flatMap((g) => g.cases);
  const lines = output.split('\n');
  let next = 0;
  for (let i = 0; i < lines.length; i++) {
    const head = /^\s+expr: ("(?:[^"\\]|\\.)*"), time: [^,]+,(?: err: (.*))?$/.exec(lines[i]);
    if (!head) continue;
    const expr = JSON.parse(head[1]) as string;
    while (next < cases.length && forPromtool(cases[next].expr) !== expr) next++;
    if (next === cases.length) throw new Error(`promtool reported an expression not asked for: ${expr}`);
    const c = cases[next++];
    if (head[2] !== undefined) c.error = head[2];
    else {
      const got = /^\s+got: (.*)$/.exec(lines[i + 2] ?? '');
      if (!got) throw new Error(`cannot read promtool output near: ${lines[i]}`);
      c.samples = parseGot(got[1]);
    }
  }
  for (const c of cases) if (c.error === undefined && c.samples === undefined) c.samples = [];
  return cases;
}

/** One case a line, so a changed answer shows as a one-line diff. */
export function formatOracleFile(f: OracleFile): string {
  return `{"promtool": ${JSON.stringify(f.promtool)}, "cases": [\n${f.cases.map((c) => `  ${JSON.stringify(c)}`).join(',\n')}\n]}\n`;
}

function main(): void {
  const version = promtoolVersion();
  if (!version) throw new Error('promtool is not installed (Debian: apt-get install prometheus)');
  for (const f of fs.readdirSync(CASES_DIR).filter((n) => n.endsWith('.test'))) {
    const cases = askPromtool(fs.readFileSync(path.join(CASES_DIR, f), 'utf8'));
    const out: OracleFile = { promtool: version, cases };
    fs.writeFileSync(path.join(CASES_DIR, f.replace(/\.test$/, '.expected.json')), formatOracleFile(out));
    console.log(`${f}: ${cases.length} cases`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
