import type { RuleManager } from '@/lib/rules';
import { UI_RULES_FILE, type UiAlertRuleDef } from '@/lib/rules/ui-rules';
import { toIso } from '@/lib/time/iso';
import { shapeRuleFields } from './shape-ui-rule';

/**
 * Rule groups with each rule's state, health and last evaluation, as `GET /api/v1/rules` shows them,
 * plus which group and rules can be edited in /alerts (`editable`, `id`).
 */
export function listRules(rules: RuleManager) {
  return rules.list().map((g) => {
    const editable = g.def.file === UI_RULES_FILE;
    return {
      name: g.def.name,
      file: g.def.file,
      interval_s: g.intervalMs / 1000,
      editable,
      rules: g.status().map((r, i) => ({
        ...shapeRuleFields(r),
        kind: r.kind,
        state: r.state,
        health: r.health,
        last_error: r.lastError,
        last_evaluation: toIso(r.lastEvaluationMs),
        alerts: r.alerts.length,
        id: editable ? (g.def.rules[i] as UiAlertRuleDef).id : null,
      })),
    };
  });
}
