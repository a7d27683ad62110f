import type { AlertRuleDef } from './rule-file';

/**
 * Where an alert's `generatorURL` points: the rule on Lookout's /alerts page, which shows its
 * expression and previews it (Prometheus links its /graph page the same way).
 */
export function ruleGeneratorURL(externalURL: string, rule: Pick<AlertRuleDef, 'name' | 'exprText'>): string {
  const q = new URLSearchParams({ rule: rule.name, expr: rule.exprText });
  return `${externalURL.replace(/\/+$/, '')}/alerts?${q.toString()}`;
}
