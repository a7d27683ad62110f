import { parseLimit } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import type { IdContext } from '@/lib/api/route-params';
import { readTargetRequest } from '@/lib/api/target-read';
import { getChecks } from '@/lib/queries/get-checks';

// GET /api/v1/targets/{id}/checks?from&to&limit — newest first.
export const GET = handle(async (req: Request, ctx: IdContext) => {
  const { lookout, id, params, from, to } = await readTargetRequest(req, ctx);
  return json({ data: getChecks(lookout.readDb, id, from, to, parseLimit(params, 100, 10_000)) });
});
