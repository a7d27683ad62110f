import type { Db } from '@/lib/db/connection';
import { hasLlmSpend } from '@/lib/queries/has-llm-spend';
import { parseRuleFile, type RuleGroupDef } from '@/lib/rules/rule-file';
import { UI_RULES_FILE } from '@/lib/rules/ui-rules';

/** Marks the shipped group apart from rule files, /alerts rules and SLO groups. */
export const LLM_RULES_FILE = '(shipped: LLM cost)';

/**
 * The shipped LLM cost alerts (docs/llm-cost.md#alerts), in Prometheus's rule-file format so they route like any
 * alert and also run in a Prometheus that scrapes /metrics. The budget gauges come from the cost series.
 */
export const LLM_RULES_YAML = `groups:
  - name: llm-cost
    rules:
      - alert: LLMBudgetForecastExceeded
        expr: llm_budget_forecast_usd > on (budget) group_left () llm_budget_limit_usd
        for: 1m
        labels:
          severity: warning
        annotations:
          summary: "LLM budget {{ $labels.budget }} is forecast to exceed its limit"
          description: "At the last hour's rate, budget {{ $labels.budget }} spends {{ $value | humanize }} USD {{ if $labels.window }}in the {{ $labels.window }} ending {{ $labels.horizon }} from now{{ else }}by the end of its {{ $labels.period }}{{ end }}."
      - alert: LLMBudgetExceeded
        expr: llm_budget_spent_usd >= on (budget) group_left () llm_budget_limit_usd
        labels:
          severity: critical
        annotations:
          summary: "LLM budget {{ $labels.budget }} is spent"
          description: "Budget {{ $labels.budget }} has spent {{ $value | humanize }} USD {{ if $labels.window }}in the last {{ $labels.window }}{{ else }}this {{ $labels.period }}{{ end }}, its whole limit."
      - alert: LLMSpendSpike
        expr: |
          sum by (provider) (rate(llm_cost_usd_total[15m])) * 3600 > 0.5
          and sum by (provider) (rate(llm_cost_usd_total[15m])) > 3 * sum by (provider) (rate(llm_cost_usd_total[6h]))
          and sum by (provider) (llm_cost_usd_total offset 6h) >= 0
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: "LLM spend on {{ $labels.provider }} is spiking"
          description: "{{ $labels.provider }} spends {{ $value | humanize }} USD an hour over the last 15 minutes, more than 3 times its 6-hour average."
`;

/**
 * `defs` plus the shipped LLM cost group, on the global evaluation interval (the UI group's), once there is spend
 * to watch (a budget, or priced requests): a Lookout without LLM traffic lists no LLM rules.
 */
export function withLlmRules(defs: RuleGroupDef[], fileDefs: RuleGroupDef[], db: Db): RuleGroupDef[] {
  if (!hasLlmSpend(db)) return defs;
  const interval = fileDefs.find((d) => d.file === UI_RULES_FILE)?.intervalMs ?? 15_000;
  return [...defs, ...parseRuleFile(LLM_RULES_YAML, LLM_RULES_FILE, interval)];
}
