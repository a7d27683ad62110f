import { handle, json } from '@/lib/api/response';
import type { IdContext } from '@/lib/api/route-params';
import { readTargetRequest } from '@/lib/api/target-read';
import { getIncidents } from '@/lib/queries/get-incidents';

// GET /api/v1/targets/{id}/incidents?from&to — down periods with their reason.
export const GET = handle(async (req: Request, ctx: IdContext) => {
  const { lookout, id, from, to, now } = await readTargetRequest(req, ctx);
  return json({ data: getIncidents(lookout.readDb, id, from, to, now) });
});
