import { handle, json } from '@/lib/api/response';
import { parseEnum, readStatsRequest } from '@/lib/api/stats-params';
import { ERROR_GROUPS, getStatsErrors } from '@/lib/queries/get-stats-errors';

// GET /api/v1/stats/errors?from&to&by — failed requests by status, provider or source; problem lines by level.
export const GET = handle(async (req: Request) => {
  const { lookout, params, from, to, filters } = readStatsRequest(req);
  return json({ data: getStatsErrors(lookout.readDb, from, to, parseEnum(params, 'by', ERROR_GROUPS, 'status'), filters) });
});
