import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { stepOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { statsInput } from '@/lib/api/stats-input';
import { getStatsRequests } from '@/lib/queries/get-stats-requests';

// GET /api/v1/stats/requests?from&to&step&by — request counts per step, one series per key.
export const GET = route(logEndpoints.getStatsRequests, ({ lookout, query }) => {
  const { from, to, filters } = statsInput(query, lookout.clock.now());
  return getStatsRequests(lookout.readDb, from, to, stepOf(query.step, from, to), query.by, filters);
});
