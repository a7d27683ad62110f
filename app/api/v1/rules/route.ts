import { authorize } from '@/lib/api/auth';
import { readJson } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { listRules } from '@/lib/queries/list-rules';
import { shapeUiRule } from '@/lib/queries/shape-ui-rule';
import { createUiRule } from '@/lib/rules/ui-rule-service';

// GET /api/v1/rules — rule groups with state, health and last evaluation; rules made in /alerts carry an `id`.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return json({ groups: listRules(lookout.alerts.rules) });
});

// POST /api/v1/rules — an alerting rule in rule-file form {name, expr, for, keep_firing_for, labels, annotations}.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  return json({ data: shapeUiRule(createUiRule(lookout, await readJson(req))) }, 201);
});
