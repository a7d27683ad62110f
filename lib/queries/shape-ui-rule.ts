import type { UiRule } from '@/lib/rules/ui-rules';
import { toIso } from '@/lib/time/iso';

type RuleFields = Pick<UiRule, 'name' | 'expr' | 'forMs' | 'keepFiringForMs' | 'labels' | 'annotations'>;

/** A rule's definition as the API answers it, for file and UI rules alike: rule-file field names, durations in seconds. */
export function shapeRuleFields(r: RuleFields) {
  return {
    name: r.name,
    expr: r.expr,
    for_s: r.forMs / 1000,
    keep_firing_for_s: r.keepFiringForMs / 1000,
    labels: r.labels,
    annotations: r.annotations,
  };
}

/** A rule made in /alerts as the API answers it. */
export function shapeUiRule(r: UiRule) {
  return { id: r.id, ...shapeRuleFields(r), created_at: toIso(r.createdAt), updated_at: toIso(r.updatedAt) };
}
