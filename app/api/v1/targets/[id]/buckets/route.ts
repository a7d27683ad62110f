import { handle, json } from '@/lib/api/response';
import type { IdContext } from '@/lib/api/route-params';
import { readTargetRequest } from '@/lib/api/target-read';
import { getTargetBuckets } from '@/lib/queries/get-target-buckets';

// GET /api/v1/targets/{id}/buckets?from&to — checks and uptime per bucket, for the status bar.
export const GET = handle(async (req: Request, ctx: IdContext) => {
  const { lookout, id, from, to } = await readTargetRequest(req, ctx);
  return json(getTargetBuckets(lookout.readDb, id, from, to));
});
