import { requireAlerting } from '@/lib/api/alerting-guard';
import { authorize } from '@/lib/api/auth';
import { badRequest, notFound } from '@/lib/api/errors';
import { handle, noContent } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';

// DELETE /api/v1/silences/{id} — expires the silence now.
export const DELETE = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const { id } = await ctx.params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw badRequest('invalid_parameter', 'id: not a silence id.');
  if (!requireAlerting(lookout).silences.expire(id, lookout.clock.now())) throw notFound(`silence ${id}`);
  lookout.alerts.persist();
  return noContent();
});
