import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { route } from '@/lib/api/route';
import { statsInput } from '@/lib/api/stats-input';
import { getStatsModels } from '@/lib/queries/get-stats-models';

// GET /api/v1/stats/models?from&to — like /stats/providers, one row per provider and model.
export const GET = route(logEndpoints.getStatsModels, ({ lookout, query }) => {
  const { from, to, filters } = statsInput(query, lookout.clock.now());
  return { data: getStatsModels(lookout.readDb, from, to, filters) };
});
