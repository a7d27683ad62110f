import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { route } from '@/lib/api/route';
import { statsInput } from '@/lib/api/stats-input';
import { getStatsSummary } from '@/lib/queries/get-stats-summary';

// GET /api/v1/stats/summary?from&to — requests, errors, rate limits, latency percentiles, tokens.
export const GET = route(logEndpoints.getStatsSummary, ({ lookout, query }) => {
  const { from, to, filters } = statsInput(query, lookout.clock.now());
  return getStatsSummary(lookout.readDb, from, to, filters);
});
