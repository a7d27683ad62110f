import { authorize } from '@/lib/api/auth';
import { notFound } from '@/lib/api/errors';
import { parseBody, readJson } from '@/lib/api/params';
import { handle, json, noContent } from '@/lib/api/response';
import { idParam, type IdContext } from '@/lib/api/route-params';
import { targetPatchSchema } from '@/lib/config/target-schema';
import { getLookout } from '@/lib/engine/instance';
import { getTarget } from '@/lib/queries/list-targets';
import { deleteTarget, updateTarget } from '@/lib/targets/save-target';

// GET /api/v1/targets/{id}
export const GET = handle(async (req: Request, ctx: IdContext) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const id = await idParam(ctx);
  const target = getTarget(lookout.readDb, lookout.clock.now(), id);
  if (!target) throw notFound(`target ${id}`);
  return json({ data: target });
});

// PATCH /api/v1/targets/{id} — any subset of the provisioning fields.
export const PATCH = handle(async (req: Request, ctx: IdContext) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const id = await idParam(ctx);
  const patch = parseBody(targetPatchSchema, await readJson(req));
  updateTarget(lookout, id, patch);
  return json({ data: getTarget(lookout.db, lookout.clock.now(), id) });
});

// DELETE /api/v1/targets/{id} — the target and its history.
export const DELETE = handle(async (req: Request, ctx: IdContext) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  deleteTarget(lookout, await idParam(ctx));
  return noContent();
});
