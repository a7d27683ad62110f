import { targetEndpoints } from '@/lib/api/openapi/endpoints-targets';
import { route } from '@/lib/api/route';
import { targetRange } from '@/lib/api/target-read';
import { getTargetLatency } from '@/lib/queries/get-target-latency';

// GET /api/v1/targets/{id}/latency?from&to — p50/p95 per bucket.
export const GET = route(targetEndpoints.getTargetLatency, ({ lookout, params, query }) => {
  const { from, to } = targetRange(lookout, params.id, query);
  return getTargetLatency(lookout.readDb, params.id, from, to);
});
