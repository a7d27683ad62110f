import { authorize } from '@/lib/api/auth';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { listRules } from '@/lib/queries/list-rules';

// GET /api/v1/rules — rule groups with state, health and last evaluation.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return json({ groups: listRules(lookout.alerts.rules) });
});
