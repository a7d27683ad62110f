import { authorize } from '@/lib/api/auth';
import { parseLimit, parseRange } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { listNotifications } from '@/lib/queries/list-notifications';

// GET /api/v1/notifications?from&to&limit — the notification log, newest first (default: the last 24 h).
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const params = new URL(req.url).searchParams;
  const now = lookout.clock.now();
  if (!params.get('from')) params.set('from', 'now-24h');
  const { from, to } = parseRange(params, now);
  return json({ data: listNotifications(lookout.readDb, from, to, parseLimit(params, 200, 1_000)) });
});
