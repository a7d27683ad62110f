export * from './series-source';
export * from './labels';
export { parsePromQL, evaluateInstant } from './promql';
export { expandTemplate } from './template';
export { humanize, humanizeDuration, humanizePercentage, formatG } from './go-format';
export { parseRuleFile, loadRuleFiles, type RuleGroupDef } from './rule-file';
export * from './alert-rule';
export * from './rule-group';
export * from './rule-manager';
