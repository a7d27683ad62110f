import { alertingEndpoints } from '@/lib/api/openapi/endpoints-alerting';
import { route } from '@/lib/api/route';
import { listAlerts } from '@/lib/queries/list-alerts';

// GET /api/v1/alerts — pending and firing alerts.
export const GET = route(alertingEndpoints.listAlerts, ({ lookout }) => ({ data: listAlerts(lookout.alerts.rules) }));
