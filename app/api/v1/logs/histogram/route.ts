import { authorize } from '@/lib/api/auth';
import { parseLogSearch } from '@/lib/api/logs-params';
import { parseStep } from '@/lib/api/stats-params';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { getLogsHistogram } from '@/lib/queries/get-logs-histogram';

// GET /api/v1/logs/histogram?from&to&q&source&level&step — matching lines per step.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const params = new URL(req.url).searchParams;
  const search = parseLogSearch(params, lookout.clock.now());
  const stepMs = parseStep(params, search.from, search.to);
  return json(getLogsHistogram(lookout.readDb, { ...search, stepMs }));
});
