import { handle, json } from '@/lib/api/response';
import { readStatsRequest } from '@/lib/api/stats-params';
import { getStatsModels } from '@/lib/queries/get-stats-models';

// GET /api/v1/stats/models?from&to — like /stats/providers, one row per provider and model.
export const GET = handle(async (req: Request) => {
  const { lookout, from, to, filters } = readStatsRequest(req);
  return json({ data: getStatsModels(lookout.readDb, from, to, filters) });
});
