import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { route } from '@/lib/api/route';
import { statsInput } from '@/lib/api/stats-input';
import { getStatsLatency } from '@/lib/queries/get-stats-latency';

// GET /api/v1/stats/latency?from&to — a latency histogram and p50/p95/p99.
export const GET = route(logEndpoints.getStatsLatency, ({ lookout, query }) => {
  const { from, to, filters } = statsInput(query, lookout.clock.now());
  return getStatsLatency(lookout.readDb, from, to, filters);
});
