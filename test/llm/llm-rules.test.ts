import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBudget } from '@/lib/llm/budget-service';
import { LLM_RULES_FILE, LLM_RULES_YAML, withLlmRules } from '@/lib/llm/llm-rules';
import { makeLookout } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';

const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
if (!hasPromtool && process.env.CI === 'true')
  throw new Error('promtool is required under CI=true (apt-get install prometheus)');

// promtool's own unit-test format: the shipped rules fire on calendar and rolling budget gauges and on a cost spike
// as Prometheus says.
const UNIT_TESTS = `rule_files: [llm-cost.yml]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'llm_budget_limit_usd{budget="daily",period="day"}'
        values: '5x30'
      - series: 'llm_budget_forecast_usd{budget="daily",period="day"}'
        values: '1x10 8x20'
      - series: 'llm_budget_spent_usd{budget="daily",period="day"}'
        values: '1x10 2x20'
    alert_rule_test:
      - eval_time: 5m
        alertname: LLMBudgetForecastExceeded
        exp_alerts: []
      - eval_time: 13m
        alertname: LLMBudgetForecastExceeded
        exp_alerts:
          - exp_labels: { severity: warning, budget: daily, period: day }
            exp_annotations:
              summary: "LLM budget daily is forecast to exceed its limit"
              description: "At the last hour's rate, budget daily spends 8 USD by the end of its day."
      - eval_time: 13m
        alertname: LLMBudgetExceeded
        exp_alerts: []
  - interval: 1m
    input_series:
      - series: 'llm_budget_limit_usd{budget="week",window="7d",horizon="42h"}'
        values: '5x10'
      - series: 'llm_budget_forecast_usd{budget="week",window="7d",horizon="42h"}'
        values: '9x10'
      - series: 'llm_budget_spent_usd{budget="week",window="7d",horizon="42h"}'
        values: '6x10'
    alert_rule_test:
      - eval_time: 2m
        alertname: LLMBudgetForecastExceeded
        exp_alerts:
          - exp_labels: { severity: warning, budget: week, window: 7d, horizon: 42h }
            exp_annotations:
              summary: "LLM budget week is forecast to exceed its limit"
              description: "At the last hour's rate, budget week spends 9 USD in the 7d ending 42h from now."
      - eval_time: 2m
        alertname: LLMBudgetExceeded
        exp_alerts:
          - exp_labels: { severity: critical, budget: week, window: 7d, horizon: 42h }
            exp_annotations:
              summary: "LLM budget week is spent"
              description: "Budget week has spent 6 USD in the last 7d, its whole limit."
  - interval: 1m
    input_series:
      # 0.01 USD a minute for 6 hours, then 0.2 USD a minute.
      - series: 'llm_cost_usd_total{job="ccproxy",provider="openai",model="gpt-4o",client="Zed"}'
        values: '0+0.01x360 3.6+0.2x30'
    alert_rule_test:
      - eval_time: 6h
        alertname: LLMSpendSpike
        exp_alerts: []
      - eval_time: 6h25m
        alertname: LLMSpendSpike
        exp_alerts:
          - exp_labels: { severity: warning, provider: openai }
            exp_annotations:
              summary: "LLM spend on openai is spiking"
              description: "openai spends 12 USD an hour over the last 15 minutes, more than 3 times its 6-hour average."
  - interval: 1m
    input_series:
      # A provider first seen 40 minutes ago: its 6-hour rate covers 40 minutes, no spike to compare with.
      - series: 'llm_cost_usd_total{job="ccproxy",provider="groq",model="llama",client="Zed"}'
        values: '0+0.2x40'
    alert_rule_test:
      - eval_time: 40m
        alertname: LLMSpendSpike
        exp_alerts: []
`;

describe.skipIf(!hasPromtool)('shipped LLM cost rules', () => {
  it('pass promtool check rules and fire in promtool test rules', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'llm-cost.yml'), LLM_RULES_YAML);
    fs.writeFileSync(path.join(dir, 'tests.yml'), UNIT_TESTS);
    const check = spawnSync('promtool', ['check', 'rules', path.join(dir, 'llm-cost.yml')], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('SUCCESS: 3 rules found');
    expect(check.status).toBe(0);
    const test = spawnSync('promtool', ['test', 'rules', 'tests.yml'], { cwd: dir, encoding: 'utf8' });
    expect(test.stdout + test.stderr).toContain('SUCCESS');
    expect(test.status).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('shipped LLM cost rules in Lookout', () => {
  it('load through the rule-file parser beside the other groups once there is a budget', async () => {
    const ctx = makeLookout();
    const { db } = ctx.lookout;
    // Nothing to watch yet: a Lookout without LLM spend lists no LLM rules.
    expect(withLlmRules([], [], db)).toEqual([]);
    createBudget(db, { name: 'all-daily', period: 'day', limit_usd: 5 }, ctx.lookout.clock.now());
    const groups = withLlmRules([], [], db);
    await ctx.close();
    expect(groups).toHaveLength(1);
    expect(groups[0].file).toBe(LLM_RULES_FILE);
    expect(groups[0].rules.map((r) => r.name)).toEqual([
      'LLMBudgetForecastExceeded',
      'LLMBudgetExceeded',
      'LLMSpendSpike',
    ]);
  });
});
