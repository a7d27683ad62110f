import type { Lookout } from '@/lib/engine/context';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { mergeUiRulePatch, type UiRulePatch } from './ui-rule-schema';
import { deleteUiRule, insertUiRule, readUiRule, readUiRules, type UiRuleInput, updateUiRule } from './ui-rule-store';
import { UI_RULES_FILE, type UiRule } from './ui-rules';

/**
 * `{id}` in /api/v1/rules/{id}: the number of a rule made in /alerts, or a rule's name. A rule from a
 * rule file is answered 409, since the file is its source of truth.
 */
export function resolveUiRule(lookout: Lookout, ref: string): UiRule {
  const decoded = safeDecode(ref).trim();
  if (/^\d{1,15}$/.test(decoded)) {
    const rule = readUiRule(lookout.db, Number(decoded));
    if (!rule) throw new NotFoundError(`rule ${decoded}`);
    return rule;
  }
  if (!decoded || decoded.length > 200)
    throw new InvalidInputError(
      'invalid_parameter',
      'id: must be the number of a rule made in /alerts, or a rule name.',
    );
  const mine = readUiRules(lookout.db).filter((r) => r.name === decoded);
  if (mine.length === 1) return mine[0];
  if (mine.length > 1)
    throw new ConflictError(
      'ambiguous_rule',
      `id: ${mine.length} rules are named "${decoded}"; use the rule's number (${mine.map((r) => r.id).join(', ')}).`,
    );
  const fromFile = lookout.alerts.rules
    .list()
    .find((g) => g.def.file !== UI_RULES_FILE && g.def.rules.some((r) => r.name === decoded));
  if (fromFile) {
    throw new ConflictError(
      'rule_read_only',
      `Rule "${decoded}" comes from the rule file ${fromFile.def.file} and is read-only here; edit that file and reload (POST /api/v1/config/reload or SIGHUP), or create a rule in /alerts.`,
    );
  }
  throw new NotFoundError(`rule "${decoded}"`);
}

export function createUiRule(lookout: Lookout, input: UiRuleInput): UiRule {
  const id = insertUiRule(lookout.db, input, lookout.clock.now());
  lookout.alerts.reloadUiRules();
  return readUiRule(lookout.db, id) as UiRule;
}

/** PUT replaces every field (left-out durations, labels and annotations become empty); PATCH changes only those sent. */
export function changeUiRule(
  lookout: Lookout,
  ref: string,
  change: { replace: UiRuleInput } | { patch: UiRulePatch },
): UiRule {
  const rule = resolveUiRule(lookout, ref);
  const next = 'replace' in change ? change.replace : mergeUiRulePatch(rule, change.patch);
  updateUiRule(lookout.db, rule.id, next, lookout.clock.now());
  lookout.alerts.reloadUiRules();
  return readUiRule(lookout.db, rule.id) as UiRule;
}

export function removeUiRule(lookout: Lookout, ref: string): void {
  deleteUiRule(lookout.db, resolveUiRule(lookout, ref).id);
  lookout.alerts.reloadUiRules();
}

// Next hands over path segments decoded on most paths but not all; a stray `%` must not become a 500.
function safeDecode(text: string): string {
  try {
    return /%[0-9a-f]{2}/i.test(text) ? decodeURIComponent(text) : text;
  } catch {
    return text;
  }
}
