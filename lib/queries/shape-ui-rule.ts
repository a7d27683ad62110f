import { toIso } from '@/lib/api/time-range';
import type { UiRule } from '@/lib/rules/ui-rules';

/** A rule made in /alerts as the API answers it: rule-file field names, durations in seconds. */
export function shapeUiRule(r: UiRule) {
  return {
    id: r.id,
    name: r.name,
    expr: r.expr,
    for_s: r.forMs / 1000,
    keep_firing_for_s: r.keepFiringForMs / 1000,
    labels: r.labels,
    annotations: r.annotations,
    created_at: toIso(r.createdAt),
    updated_at: toIso(r.updatedAt),
  };
}
