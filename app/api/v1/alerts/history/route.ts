import { authorize } from '@/lib/api/auth';
import { parseRange } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { getAlertHistory } from '@/lib/queries/get-alert-history';

// GET /api/v1/alerts/history?from&to — pending and firing periods of each alert identity in the range.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const { from, to } = parseRange(new URL(req.url).searchParams, lookout.clock.now());
  return json({ data: getAlertHistory(lookout.readDb, from, to) });
});
