import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { badgeAnswer } from '@/lib/status-pages/public-answers';

// GET /badge/{name}/uptime/{24h|7d|30d|90d}.svg — public when a status page shows the target.
export const GET = route(statusEndpoints.uptimeBadge, ({ lookout, req, params }) =>
  badgeAnswer(lookout, req, params.name, {
    kind: 'uptime',
    window: params.window.replace('.svg', '') as '24h' | '7d' | '30d' | '90d',
  }),
);
