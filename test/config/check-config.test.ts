import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config/config-error';
import { loadProvisioning } from '@/lib/config/provisioning';
import { checkConfig } from '@/lib/engine/config-check';
import { tempDir } from '../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function write(text: string, name = 'lookout.yml'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

function problemsOf(fn: () => unknown): { key: string; line: number | null; reason: string; hint: string | null }[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

const GOOD = 'targets:\n  - name: ccproxy\n    url: http://127.0.0.1:3456/health\n';

describe('provisioning errors name the file, line and key', () => {
  it('points at an unknown top-level key with a hint for the tool it comes from', () => {
    const file = write(`${GOOD}scrape_configs:\n  - job_name: x\n`);
    const problems = problemsOf(() => loadProvisioning(file));
    expect(problems).toEqual([
      { key: 'scrape_configs', line: 4, reason: 'unknown key', hint: expect.stringContaining('targets:') },
    ]);
  });

  it('names a missing value at its entry and a bad one at its own line, every problem at once', () => {
    const file = write(`${GOOD}  - name: b\n    interval: 5x\n`);
    const err = (() => {
      try {
        loadProvisioning(file);
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err?.problems.map((p) => [p.key, p.line])).toEqual([
      ['targets.1.url', 4],
      ['targets.1.interval', 5],
    ]);
    expect(err?.message).toBe(
      `${file}:4: targets.1.url: required (string)\n${file}:5: targets.1.interval: interval must be a duration such as 30s or 5m`,
    );
  });

  it('reports invalid YAML with its line, and names used twice at the second one', () => {
    expect(problemsOf(() => loadProvisioning(write('targets:\n  - name: a\n   url: x\n')))[0]).toMatchObject({
      line: 3,
    });
    const twice = problemsOf(() => loadProvisioning(write(`${GOOD}  - name: ccproxy\n    url: http://x/\n`)));
    expect(twice).toEqual([{ key: 'targets.1.name', line: 4, reason: 'the name "ccproxy" is used twice', hint: null }]);
  });

  it('takes llm: prices and budgets, and names a bad price field by line', () => {
    const ok = loadProvisioning(
      write(
        `${GOOD}llm:\n  currency: USD\n  prices: [{ provider: ollama, model: "*", input: 0, output: 0, per_hour: 0.4 }]\n`,
      ),
    );
    expect(ok.config.llm?.prices?.[0]).toMatchObject({ provider: 'ollama', per_hour: 0.4 });
    const bad = problemsOf(() =>
      loadProvisioning(
        write(`${GOOD}llm:\n  currency: EUR\n  prices:\n    - { provider: x, model: y, input: -1, output: 1 }\n`),
      ),
    );
    expect(bad.map((p) => p.key)).toEqual(['llm.currency', 'llm.prices.0.input']);
    expect(bad[0].reason).toContain('only USD is supported');
  });

  it('takes slos: and names a bad SLO field by line', () => {
    const ok = loadProvisioning(
      write(`${GOOD}slos: [{ name: a, objective: 99.5, sli: { kind: probe_availability, target: ccproxy } }]\n`),
    );
    expect(ok.config.slos).toEqual([
      { name: 'a', objective: 99.5, window: '30d', sli: { kind: 'probe_availability', target: 'ccproxy' } },
    ]);
    const bad = problemsOf(() =>
      loadProvisioning(
        write(`${GOOD}slos:\n  - name: b\n    objective: 100\n    sli: { kind: probe_availability, target: x }\n`),
      ),
    );
    expect(bad[0]).toMatchObject({ key: 'slos.0.objective' });
  });
});

describe('checkConfig: what start-up and reload validate', () => {
  it("accepts Prometheus's alerting.alertmanagers beside the built-in routing, or alone", () => {
    const both = write(
      `${GOOD}alerting:\n  alertmanagers:\n    - static_configs: [{ targets: ['localhost:9093'] }]\n      path_prefix: /am\n      timeout: 5s\n      basic_auth: { username: u, password: p }\n  route: { receiver: a }\n  receivers: [{ name: a }]\n`,
    );
    const checked = checkConfig(both);
    expect(checked.alertmanagers).toEqual([
      { url: 'http://localhost:9093/am/api/v2/alerts', timeoutMs: 5_000, authorization: `Basic ${btoa('u:p')}` },
    ]);
    expect(checked.builtInAlerting).toMatchObject({ route: { receiver: 'a' } });
    const alone = checkConfig(
      write(
        `${GOOD}alerting:\n  alertmanagers:\n    - { scheme: https, static_configs: [{ targets: [am1:9093, am2:9093] }] }\n`,
      ),
    );
    expect(alone.builtInAlerting).toBeUndefined();
    expect(alone.alertmanagers.map((a) => a.url)).toEqual([
      'https://am1:9093/api/v2/alerts',
      'https://am2:9093/api/v2/alerts',
    ]);
  });

  it('names the line of a bad alerting.alertmanagers entry', () => {
    const file = write(
      `${GOOD}alerting:\n  alertmanagers:\n    - static_configs: [{ targets: ['http://localhost:9093/'] }]\n      api_version: v1\n      sd: x\n`,
    );
    expect(problemsOf(() => checkConfig(file))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'alerting.alertmanagers.0.static_configs.0.targets.0', line: 6 }),
        expect.objectContaining({ key: 'alerting.alertmanagers.0.api_version', line: 7 }),
        expect.objectContaining({ key: 'alerting.alertmanagers.0.sd', line: 8, reason: 'unknown key' }),
      ]),
    );
  });

  it('names the rule file that does not load', () => {
    const file = write(`${GOOD}rule_files: [alerts.yml]\n`);
    fs.writeFileSync(
      path.join(path.dirname(file), 'alerts.yml'),
      'groups:\n  - name: g\n    rules:\n      - alert: X\n        expr: up ==\n',
    );
    const [problem] = problemsOf(() => checkConfig(file));
    expect(problem).toMatchObject({ key: 'rule_files', line: 4 });
    expect(problem.reason).toMatch(/alerts\.yml/);
  });

  it('accepts a good file and counts its rules', () => {
    const file = write(`${GOOD}rule_files: [alerts.yml]\n`);
    fs.writeFileSync(
      path.join(path.dirname(file), 'alerts.yml'),
      'groups:\n  - name: g\n    rules:\n      - alert: X\n        expr: up == 0\n',
    );
    expect(checkConfig(file).ruleDefs.flatMap((g) => g.rules.map((r) => r.name))).toContain('X');
  });
});

describe('processes that read the file', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [tsx, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });

  it('npm run check-config exits 0 on a good file, 1 naming every problem, 2 without a file', () => {
    const good = run(['scripts/check-config.ts', write(GOOD)]);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/OK — 1 target, 0 log sources, 0 rules, 0 receivers/);
    const bad = write(`${GOOD}alerting:\n  alert_relabel_configs: []\n`);
    const r = run(['scripts/check-config.ts', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:5: alerting.alert_relabel_configs: unknown key (hint:`);
    expect(run(['scripts/check-config.ts', path.join(tempDir(), 'missing.yml')]).status).toBe(2);
  });

  it('a first start with a broken file exits 1 with the message instead of serving errors', () => {
    const bad = write(`${GOOD}alerting:\n  alert_relabel_configs: []\n`);
    const r = run(
      ['-e', "import { boot } from './lib/engine/boot'; boot(); setTimeout(() => process.exit(0), 5000);"],
      {
        LOOKOUT_CONFIG: bad,
        LOOKOUT_DATA_DIR: tempDir(),
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[lookout] cannot start: the provisioning file has errors:');
    expect(r.stderr).toContain(`${bad}:5: alerting.alert_relabel_configs: unknown key`);
  });
});
