import { targetEndpoints } from '@/lib/api/openapi/endpoints-targets';
import { route } from '@/lib/api/route';
import { targetRange } from '@/lib/api/target-read';
import { getTargetBuckets } from '@/lib/queries/get-target-buckets';

// GET /api/v1/targets/{id}/buckets?from&to — checks and uptime per bucket, for the status bar.
export const GET = route(targetEndpoints.getTargetBuckets, ({ lookout, params, query }) => {
  const { from, to } = targetRange(lookout, params.id, query);
  return getTargetBuckets(lookout.readDb, params.id, from, to);
});
