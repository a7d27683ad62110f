import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { badgeAnswer } from '@/lib/status-pages/public-answers';

// GET /badge/{name}/status.svg — public when a status page shows the target, else read rights.
export const GET = route(statusEndpoints.statusBadge, ({ lookout, req, params }) =>
  badgeAnswer(lookout, req, params.name, { kind: 'status' }),
);
