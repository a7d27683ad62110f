import { handle, json } from '@/lib/api/response';
import type { IdContext } from '@/lib/api/route-params';
import { readTargetRequest } from '@/lib/api/target-read';
import { getTargetLatency } from '@/lib/queries/get-target-latency';

// GET /api/v1/targets/{id}/latency?from&to — p50/p95 per bucket.
export const GET = handle(async (req: Request, ctx: IdContext) => {
  const { lookout, id, from, to } = await readTargetRequest(req, ctx);
  return json(getTargetLatency(lookout.readDb, id, from, to));
});
