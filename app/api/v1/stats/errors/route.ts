import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { route } from '@/lib/api/route';
import { statsInput } from '@/lib/api/stats-input';
import { getStatsErrors } from '@/lib/queries/get-stats-errors';

// GET /api/v1/stats/errors?from&to&by — failed requests by status, provider or source; problem lines by level.
export const GET = route(logEndpoints.getStatsErrors, ({ lookout, query }) => {
  const { from, to, filters } = statsInput(query, lookout.clock.now());
  return { data: getStatsErrors(lookout.readDb, from, to, query.by, filters) };
});
