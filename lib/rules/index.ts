export * from './series-source';
export * from './labels';
export { parseDuration, formatDuration } from './duration';
export { parsePromQL, evaluateInstant, UnsupportedError, type Expr, type Sample } from './promql';
export { expandTemplate, checkTemplate, type TemplateData } from './template';
export { humanize, humanizeDuration, humanizePercentage, formatG, sprintf } from './go-format';
export { parseRuleFile, loadRuleFiles, type AlertRuleDef, type RuleGroupDef } from './rule-file';
export * from './alert-rule';
export * from './rule-group';
