import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InMemorySeriesSource, loadRuleFiles, RuleGroup } from '@/lib/rules';

const ROOT = path.resolve(__dirname, '../..');
const FILE = 'examples/rules/certificates.yml';
const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
if (!hasPromtool && process.env.CI === 'true')
  throw new Error('promtool is required under CI=true (apt-get install prometheus)');

// The certificate has 14 days and 10 minutes left at t=0: the rule is pending from 10m, firing from 20m.
const EXPIRY = 14 * 86_400 + 600;
const LABELS = { __name__: 'probe_ssl_earliest_cert_expiry', job: 'cert', instance: 'example.com:443' };

function evaluate() {
  const [def] = loadRuleFiles([FILE], ROOT, 60_000);
  const src = new InMemorySeriesSource();
  for (let m = 0; m <= 60; m++) src.push(LABELS, m * 60_000, EXPIRY);
  const group = new RuleGroup(def, { source: src });
  const at = new Map<number, ReturnType<RuleGroup['evaluateGroup']>>();
  for (let m = 0; m <= 40; m++) at.set(m, group.evaluateGroup(m * 60_000));
  return { def, at };
}

describe(`the shipped ${FILE}`, () => {
  it("is loaded by Lookout's rule loader and warns 14 days before the certificate expires", () => {
    const { def, at } = evaluate();
    expect(def.rules.map((r) => r.name)).toEqual(['CertificateExpiresSoon', 'CertificateExpired']);
    const soon = (m: number) => at.get(m)!.alerts.filter((a) => a.rule === 'CertificateExpiresSoon');
    expect(soon(5)).toEqual([]);
    expect(soon(15).map((a) => a.state)).toEqual(['pending']);
    const [firing] = soon(25);
    expect(firing).toMatchObject({
      state: 'firing',
      labels: { alertname: 'CertificateExpiresSoon', severity: 'warning', job: 'cert', instance: 'example.com:443' },
      annotations: {
        summary: 'Certificate of cert expires in less than 14 days',
        description: 'example.com:443: 13d 23h 45m 0s left',
      },
    });
  });

  it.skipIf(!hasPromtool)('passes promtool check rules, and promtool test rules agrees with Lookout', () => {
    const check = spawnSync('promtool', ['check', 'rules', path.join(ROOT, FILE)], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const { at } = evaluate();
    const tests = [5, 15, 25, 35].flatMap((m) =>
      ['CertificateExpiresSoon', 'CertificateExpired'].map((alertname) => ({
        eval_time: `${m}m`,
        alertname,
        exp_alerts: at
          .get(m)!
          .alerts.filter((a) => a.rule === alertname && a.state === 'firing')
          .map((a) => ({ exp_labels: a.labels, exp_annotations: a.annotations })),
      })),
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'promtool-'));
    const { __name__, ...labels } = LABELS;
    const series = `${__name__}{${Object.entries(labels)
      .map(([k, v]) => `${k}="${v}"`)
      .join(', ')}}`;
    writeFileSync(
      path.join(dir, 'test.yml'),
      stringify({
        rule_files: [path.join(ROOT, FILE)],
        evaluation_interval: '1m',
        tests: [{ interval: '1m', input_series: [{ series, values: `${EXPIRY}+0x60` }], alert_rule_test: tests }],
      }),
    );
    const run = spawnSync('promtool', ['test', 'rules', 'test.yml'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(tests.filter((t) => t.exp_alerts.length).length).toBe(2);
  });
});
