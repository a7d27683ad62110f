import { authorize } from '@/lib/api/auth';
import { badRequest } from '@/lib/api/errors';
import { parseLogSearch } from '@/lib/api/logs-params';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { searchLogs } from '@/lib/queries/search-logs';

// GET /api/v1/logs?from&to&q&source&level&limit&cursor — matching lines, newest first.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const search = parseLogSearch(new URL(req.url).searchParams, lookout.clock.now());
  try {
    return json(searchLogs(lookout.readDb, search));
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('q: ')) throw badRequest('invalid_parameter', err.message);
    throw err;
  }
});
