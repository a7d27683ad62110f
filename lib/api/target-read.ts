import type { Lookout } from '@/lib/engine/context';
import { getLookout } from '@/lib/engine/instance';
import { authorize } from './auth';
import { notFound } from './errors';
import { parseRange } from './params';
import { idParam, type IdContext } from './route-params';

/** The shared front half of every `/targets/{id}/…` read: rights, an existing id, and the range. */
export async function readTargetRequest(req: Request, ctx: IdContext) {
  const lookout: Lookout = getLookout();
  authorize(lookout, req, 'read');
  const id = await idParam(ctx);
  if (!lookout.readDb.prepare('SELECT 1 FROM targets WHERE id = ?').get(id)) throw notFound(`target ${id}`);
  const params = new URL(req.url).searchParams;
  const now = lookout.clock.now();
  return { lookout, id, params, now, ...parseRange(params, now) };
}
