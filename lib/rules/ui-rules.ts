import { stringify } from 'yaml';
import { formatDuration } from './duration';
import { type AlertRuleDef, parseRuleFile, type RuleGroupDef } from './rule-file';

/** The group that holds rules made in /alerts; `file` marks it apart from every rule file. */
export const UI_RULES_GROUP = 'lookout-ui';
export const UI_RULES_FILE = '(created in Lookout)';

export type UiRule = {
  id: number;
  name: string;
  expr: string;
  forMs: number;
  keepFiringForMs: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  createdAt: number;
  updatedAt: number;
};

export type UiAlertRuleDef = AlertRuleDef & { id: number };

/** One rule in Prometheus's rule-file form; zero durations and empty maps are left out, as promtool prints them. */
export function toRuleFileEntry(
  r: Pick<UiRule, 'name' | 'expr' | 'forMs' | 'keepFiringForMs' | 'labels' | 'annotations'>,
) {
  return {
    alert: r.name,
    expr: r.expr,
    ...(r.forMs ? { for: formatDuration(r.forMs) } : {}),
    ...(r.keepFiringForMs ? { keep_firing_for: formatDuration(r.keepFiringForMs) } : {}),
    ...(Object.keys(r.labels).length ? { labels: r.labels } : {}),
    ...(Object.keys(r.annotations).length ? { annotations: r.annotations } : {}),
  };
}

/** The UI rules as a Prometheus rule file (`GET /api/v1/rules/export`). */
export function exportUiRules(rules: UiRule[]): string {
  const groups = rules.length ? [{ name: UI_RULES_GROUP, rules: rules.map(toRuleFileEntry) }] : [];
  return stringify({ groups }, { lineWidth: 0 });
}

/** An empty UI group carrying the global evaluation interval; the engine fills in the stored rules. */
export function uiRulesShell(intervalMs: number): RuleGroupDef {
  return { name: UI_RULES_GROUP, file: UI_RULES_FILE, intervalMs, limit: 0, rules: [] };
}

/**
 * Each rule goes through the rule-file parser, so the engine runs exactly what the export says.
 * A rule the parser refuses (say, after a PromQL change) stays listed with health `err`.
 */
export function uiRuleDefs(rules: UiRule[], intervalMs: number): UiAlertRuleDef[] {
  return rules.map((r) => {
    const text = stringify({ groups: [{ name: UI_RULES_GROUP, rules: [toRuleFileEntry(r)] }] });
    try {
      return { ...parseRuleFile(text, UI_RULES_FILE, intervalMs)[0].rules[0], id: r.id };
    } catch (err) {
      const base = {
        kind: 'alert',
        name: r.name,
        exprText: r.expr,
        expr: null,
        forMs: r.forMs,
        keepFiringForMs: r.keepFiringForMs,
      } as const;
      return { ...base, unsupported: (err as Error).message, labels: r.labels, annotations: r.annotations, id: r.id };
    }
  });
}

/** Replaces the UI shell among `defs` with the stored rules; without rules the group is left out. */
export function withUiRules(defs: RuleGroupDef[], rules: UiRule[]): RuleGroupDef[] {
  return defs.flatMap((d) =>
    d.file !== UI_RULES_FILE ? [d] : rules.length ? [{ ...d, rules: uiRuleDefs(rules, d.intervalMs) }] : [],
  );
}
