import { ruleEndpoints } from '@/lib/api/openapi/endpoints-rules';
import { route } from '@/lib/api/route';
import { shapeUiRule } from '@/lib/queries/shape-ui-rule';
import { changeUiRule, removeUiRule, resolveUiRule } from '@/lib/rules/ui-rule-service';

// GET /api/v1/rules/{id} — one rule made in /alerts (by number or name); a rule-file rule is 409.
export const GET = route(ruleEndpoints.getRule, ({ lookout, params }) => ({
  data: shapeUiRule(resolveUiRule(lookout, params.id)),
}));

// PUT /api/v1/rules/{id} — replaces the rule.
export const PUT = route(ruleEndpoints.replaceRule, ({ lookout, params, body }) => ({
  data: shapeUiRule(changeUiRule(lookout, params.id, { replace: body })),
}));

// PATCH /api/v1/rules/{id} — changes the fields sent.
export const PATCH = route(ruleEndpoints.patchRule, ({ lookout, params, body }) => ({
  data: shapeUiRule(changeUiRule(lookout, params.id, { patch: body })),
}));

// DELETE /api/v1/rules/{id} — its alerts resolve at the next evaluation.
export const DELETE = route(ruleEndpoints.deleteRule, ({ lookout, params }) => removeUiRule(lookout, params.id));
