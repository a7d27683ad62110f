import { alertingEndpoints } from '@/lib/api/openapi/endpoints-alerting';
import { ruleEndpoints } from '@/lib/api/openapi/endpoints-rules';
import { route } from '@/lib/api/route';
import { listRules } from '@/lib/queries/list-rules';
import { shapeUiRule } from '@/lib/queries/shape-ui-rule';
import { createUiRule } from '@/lib/rules/ui-rule-service';

// GET /api/v1/rules — rule groups with state, health and last evaluation; rules made in /alerts carry an `id`.
export const GET = route(alertingEndpoints.listRules, ({ lookout }) => ({ groups: listRules(lookout.alerts.rules) }));

// POST /api/v1/rules — an alerting rule in rule-file form {name, expr, for, keep_firing_for, labels, annotations}.
export const POST = route(ruleEndpoints.createRule, ({ lookout, body }) => ({
  data: shapeUiRule(createUiRule(lookout, body)),
}));
