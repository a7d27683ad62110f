import { handle, json } from '@/lib/api/response';
import { readStatsRequest } from '@/lib/api/stats-params';
import { getStatsProviders } from '@/lib/queries/get-stats-providers';

// GET /api/v1/stats/providers?from&to — requests, errors, rate limits, latency and tokens per provider.
export const GET = handle(async (req: Request) => {
  const { lookout, from, to, filters } = readStatsRequest(req);
  return json({ data: getStatsProviders(lookout.readDb, from, to, filters) });
});
