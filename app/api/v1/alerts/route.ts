import { authorize } from '@/lib/api/auth';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { listAlerts } from '@/lib/queries/list-alerts';

// GET /api/v1/alerts — pending and firing alerts.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return json({ data: listAlerts(lookout.alerts.rules) });
});
