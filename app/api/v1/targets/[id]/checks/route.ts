import { targetEndpoints } from '@/lib/api/openapi/endpoints-targets';
import { route } from '@/lib/api/route';
import { targetRange } from '@/lib/api/target-read';
import { getChecks } from '@/lib/queries/get-checks';

// GET /api/v1/targets/{id}/checks?from&to&limit — newest first.
export const GET = route(targetEndpoints.listChecks, ({ lookout, params, query }) => {
  const { from, to } = targetRange(lookout, params.id, query);
  return { data: getChecks(lookout.readDb, params.id, from, to, query.limit) };
});
