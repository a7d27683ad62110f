import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { expandOrExplain } from '@/lib/rules';
import { tempDir } from '../helpers/temp-dir';
import { PROMTOOL_CASES, PROMTOOL_SERIES } from './promtool-cases';

const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
const { __name__: _name, ...alertLabels } = PROMTOOL_SERIES.labels;

describe('alert templates render as Prometheus 2.42 renders them', () => {
  it.each(PROMTOOL_CASES.map(([tmpl, want], i) => [i, tmpl, want] as const))('C%i %j', (i, tmpl, want) => {
    expect(
      expandOrExplain(tmpl, { labels: PROMTOOL_SERIES.labels, value: PROMTOOL_SERIES.value, alertName: `C${i}` }),
    ).toBe(want);
  });

  it.skipIf(!hasPromtool && process.env.CI !== 'true')('promtool test rules agrees with every committed answer', () => {
    const dir = tempDir('lookout-promtool-templates-');
    const rules = PROMTOOL_CASES.map(([tmpl], i) => ({ alert: `C${i}`, expr: 'up > 0', annotations: { x: tmpl } }));
    writeFileSync(path.join(dir, 'rules.yml'), stringify({ groups: [{ name: 'g', rules }] }));
    const series = `up{${Object.entries(alertLabels)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', ')}}`;
    const tests = PROMTOOL_CASES.map(([, want], i) => ({
      eval_time: '1m',
      alertname: `C${i}`,
      exp_alerts: [{ exp_labels: { ...alertLabels, alertname: `C${i}` }, exp_annotations: { x: want } }],
    }));
    const unit = {
      rule_files: ['rules.yml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [{ series, values: `${PROMTOOL_SERIES.value} ${PROMTOOL_SERIES.value}` }],
          alert_rule_test: tests,
        },
      ],
    };
    writeFileSync(path.join(dir, 'test.yml'), stringify(unit));
    const r = spawnSync('promtool', ['test', 'rules', 'test.yml'], { cwd: dir, encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toContain('SUCCESS');
  });
});
