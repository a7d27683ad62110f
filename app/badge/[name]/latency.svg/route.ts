import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { badgeAnswer } from '@/lib/status-pages/public-answers';

// GET /badge/{name}/latency.svg — p95 over 24 h; public when a status page shows the target.
export const GET = route(statusEndpoints.latencyBadge, ({ lookout, req, params }) =>
  badgeAnswer(lookout, req, params.name, { kind: 'latency' }),
);
