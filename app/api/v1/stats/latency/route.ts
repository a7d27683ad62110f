import { handle, json } from '@/lib/api/response';
import { readStatsRequest } from '@/lib/api/stats-params';
import { getStatsLatency } from '@/lib/queries/get-stats-latency';

// GET /api/v1/stats/latency?from&to — a latency histogram and p50/p95/p99.
export const GET = handle(async (req: Request) => {
  const { lookout, from, to, filters } = readStatsRequest(req);
  return json(getStatsLatency(lookout.readDb, from, to, filters));
});
