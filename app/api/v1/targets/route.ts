import { authorize } from '@/lib/api/auth';
import { parseBody, readJson } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { targetInputSchema } from '@/lib/config/target-schema';
import { getLookout } from '@/lib/engine/instance';
import { getTarget, listTargets } from '@/lib/queries/list-targets';
import { createTarget } from '@/lib/targets/save-target';

// GET /api/v1/targets — every target with status, uptime and latency.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return json({ data: listTargets(lookout.readDb, lookout.clock.now()) });
});

// POST /api/v1/targets — body like a provisioning entry.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const input = parseBody(targetInputSchema, await readJson(req));
  const row = createTarget(lookout, input);
  return json({ data: getTarget(lookout.db, lookout.clock.now(), row.id) }, 201);
});
