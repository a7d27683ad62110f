import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { route } from '@/lib/api/route';
import { statsInput } from '@/lib/api/stats-input';
import { getStatsProviders } from '@/lib/queries/get-stats-providers';

// GET /api/v1/stats/providers?from&to — requests, errors, rate limits, latency and tokens per provider.
export const GET = route(logEndpoints.getStatsProviders, ({ lookout, query }) => {
  const { from, to, filters } = statsInput(query, lookout.clock.now());
  return { data: getStatsProviders(lookout.readDb, from, to, filters) };
});
