import { handle, json } from '@/lib/api/response';
import type { IdContext } from '@/lib/api/route-params';
import { readTargetRequest } from '@/lib/api/target-read';
import { getTargetGauges } from '@/lib/queries/get-target-gauges';

// GET /api/v1/targets/{id}/gauges?from&to — numeric body fields per check (the last 2,000 checks at most).
export const GET = handle(async (req: Request, ctx: IdContext) => {
  const { lookout, id, from, to } = await readTargetRequest(req, ctx);
  return json(getTargetGauges(lookout.readDb, id, from, to));
});
