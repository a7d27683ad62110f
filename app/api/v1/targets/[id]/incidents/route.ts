import { targetEndpoints } from '@/lib/api/openapi/endpoints-targets';
import { route } from '@/lib/api/route';
import { targetRange } from '@/lib/api/target-read';
import { getIncidents } from '@/lib/queries/get-incidents';

// GET /api/v1/targets/{id}/incidents?from&to — down periods with their reason.
export const GET = route(targetEndpoints.listIncidents, ({ lookout, params, query }) => {
  const { from, to, now } = targetRange(lookout, params.id, query);
  return { data: getIncidents(lookout.readDb, params.id, from, to, now) };
});
