import { handle, json } from '@/lib/api/response';
import { parseEnum, parseStep, readStatsRequest } from '@/lib/api/stats-params';
import { GROUPS } from '@/lib/queries/get-request-agg';
import { getStatsRequests } from '@/lib/queries/get-stats-requests';

// GET /api/v1/stats/requests?from&to&step&by — request counts per step, one series per key.
export const GET = handle(async (req: Request) => {
  const { lookout, params, from, to, filters } = readStatsRequest(req);
  const by = parseEnum(params, 'by', GROUPS, 'provider');
  return json(getStatsRequests(lookout.readDb, from, to, parseStep(params, from, to), by, filters));
});
