import { authorize } from '@/lib/api/auth';
import { notFound } from '@/lib/api/errors';
import { handle, noContent } from '@/lib/api/response';
import { idParam, type IdContext } from '@/lib/api/route-params';
import { getLookout } from '@/lib/engine/instance';

// DELETE /api/v1/sources/{id} — stops tailing; the lines already stored stay until retention.
export const DELETE = handle(async (req: Request, ctx: IdContext) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const id = await idParam(ctx);
  const name = lookout.db.prepare('SELECT name FROM log_sources WHERE id = ?').pluck().get(id) as string | undefined;
  if (!name) throw notFound(`log source ${id}`);
  await lookout.ingest.detachSource(name);
  return noContent();
});
