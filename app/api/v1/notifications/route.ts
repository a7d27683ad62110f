import { alertingEndpoints } from '@/lib/api/openapi/endpoints-alerting';
import { rangeOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { listNotifications } from '@/lib/queries/list-notifications';

// GET /api/v1/notifications?from&to&limit — the notification log, newest first (default: the last 24 h).
export const GET = route(alertingEndpoints.listNotifications, ({ lookout, query }) => {
  const { from, to } = rangeOf(query, lookout.clock.now(), 86_400_000);
  return { data: listNotifications(lookout.readDb, from, to, query.limit) };
});
