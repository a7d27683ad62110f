import { targetEndpoints } from '@/lib/api/openapi/endpoints-targets';
import { route } from '@/lib/api/route';
import { targetRange } from '@/lib/api/target-read';
import { getTargetGauges } from '@/lib/queries/get-target-gauges';

// GET /api/v1/targets/{id}/gauges?from&to — numeric body fields per check (the last 2,000 checks at most).
export const GET = route(targetEndpoints.getTargetGauges, ({ lookout, params, query }) => {
  const { from, to } = targetRange(lookout, params.id, query);
  return getTargetGauges(lookout.readDb, params.id, from, to);
});
