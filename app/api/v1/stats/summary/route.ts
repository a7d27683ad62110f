import { handle, json } from '@/lib/api/response';
import { readStatsRequest } from '@/lib/api/stats-params';
import { getStatsSummary } from '@/lib/queries/get-stats-summary';

// GET /api/v1/stats/summary?from&to — requests, errors, rate limits, latency percentiles, tokens.
export const GET = handle(async (req: Request) => {
  const { lookout, from, to, filters } = readStatsRequest(req);
  return json(getStatsSummary(lookout.readDb, from, to, filters));
});
