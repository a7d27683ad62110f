import { logDetailEndpoints } from '@/lib/api/openapi/endpoints-log-detail';
import { route } from '@/lib/api/route';
import { statsInput } from '@/lib/api/stats-input';
import { getStatsRoutes } from '@/lib/queries/get-stats-routes';

// GET /api/v1/stats/routes?from&to&limit — requests, error rate and latency per templated route and method.
export const GET = route(logDetailEndpoints.getStatsRoutes, ({ lookout, query }) => {
  const { from, to, filters } = statsInput(query, lookout.clock.now());
  return { data: getStatsRoutes(lookout.readDb, from, to, filters, query.limit) };
});
