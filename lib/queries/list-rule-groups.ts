import type { RuleManager, RuleGroupDef } from '@/lib/rules';
import { UI_RULES_FILE, type UiAlertRuleDef } from '@/lib/rules/ui-rules';
import { listRules } from './list-rules';

const isUiGroup = (def: RuleGroupDef) => def.file === UI_RULES_FILE;

/** `GET /api/v1/rules`, plus which group and rules can be edited in /alerts (`editable`, `id`). */
export function listRuleGroups(rules: RuleManager) {
  const defs = rules.list().map((g) => g.def);
  return listRules(rules).map((g, gi) => {
    const ui = isUiGroup(defs[gi]);
    return {
      ...g,
      editable: ui,
      rules: g.rules.map((r, ri) => ({ ...r, id: ui ? (defs[gi].rules[ri] as UiAlertRuleDef).id : null })),
    };
  });
}
