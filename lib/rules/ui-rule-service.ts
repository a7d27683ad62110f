import { badRequest, conflict, notFound } from '@/lib/api/errors';
import type { Lookout } from '@/lib/engine/context';
import { uiRulePatchSchema, uiRuleSchema, type UiRuleFields } from './ui-rule-schema';
import { deleteUiRule, insertUiRule, readUiRule, readUiRules, updateUiRule } from './ui-rule-store';
import { UI_RULES_FILE, type UiRule } from './ui-rules';
import { formatDuration } from './duration';

/**
 * `{id}` in /api/v1/rules/{id}: the number of a rule made in /alerts, or a rule's name. A rule from a
 * rule file is answered 409, since the file is its source of truth.
 */
export function resolveUiRule(lookout: Lookout, ref: string): UiRule {
  const decoded = safeDecode(ref).trim();
  if (/^\d{1,15}$/.test(decoded)) {
    const rule = readUiRule(lookout.db, Number(decoded));
    if (!rule) throw notFound(`rule ${decoded}`);
    return rule;
  }
  if (!decoded || decoded.length > 200) throw badRequest('invalid_parameter', 'id: must be the number of a rule made in /alerts, or a rule name.');
  const mine = readUiRules(lookout.db).filter((r) => r.name === decoded);
  if (mine.length === 1) return mine[0];
  if (mine.length > 1) throw conflict('ambiguous_rule', `id: ${mine.length} rules are named "${decoded}"; use the rule's number (${mine.map((r) => r.id).join(', ')}).`);
  const fromFile = lookout.alerts.rules.list().find((g) => g.def.file !== UI_RULES_FILE && g.def.rules.some((r) => r.name === decoded));
  if (fromFile) {
    throw conflict(
      'rule_read_only',
      `Rule "${decoded}" comes from the rule file ${fromFile.def.file} and is read-only here; edit that file and reload (POST /api/v1/config/reload or SIGHUP), or create a rule in /alerts.`,
    );
  }
  throw notFound(`rule "${decoded}"`);
}

export function createUiRule(lookout: Lookout, body: unknown): UiRule {
  const input = uiRuleSchema.parse(body);
  const id = insertUiRule(lookout.db, input, lookout.clock.now());
  lookout.alerts.reloadUiRules();
  return readUiRule(lookout.db, id) as UiRule;
}

/** PUT replaces every field (left-out durations, labels and annotations become empty); PATCH changes only those sent. */
export function changeUiRule(lookout: Lookout, ref: string, body: unknown, mode: 'replace' | 'patch'): UiRule {
  const rule = resolveUiRule(lookout, ref);
  // The patch is checked on its own first (unknown fields, types), then the merged rule as a whole.
  const merged = mode === 'replace' ? body : (uiRulePatchSchema.parse(body), { ...toFields(rule), ...(body as object) });
  updateUiRule(lookout.db, rule.id, uiRuleSchema.parse(merged), lookout.clock.now());
  lookout.alerts.reloadUiRules();
  return readUiRule(lookout.db, rule.id) as UiRule;
}

export function removeUiRule(lookout: Lookout, ref: string): void {
  deleteUiRule(lookout.db, resolveUiRule(lookout, ref).id);
  lookout.alerts.reloadUiRules();
}

function toFields(r: UiRule): UiRuleFields {
  return { name: r.name, expr: r.expr, for: formatDuration(r.forMs), keep_firing_for: formatDuration(r.keepFiringForMs), labels: r.labels, annotations: r.annotations };
}

// Next hands over path segments decoded on most paths but not all; a stray `%` must not become a 500.
function safeDecode(text: string): string {
  try {
    return /%[0-9a-f]{2}/i.test(text) ? decodeURIComponent(text) : text;
  } catch {
    return text;
  }
}
