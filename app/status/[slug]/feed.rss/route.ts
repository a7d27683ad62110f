import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { statusPageAnswer } from '@/lib/status-pages/public-answers';

// GET /status/{slug}/feed.rss — public, no login (docs/status-pages.md).
export const GET = route(statusEndpoints.publicStatusRss, ({ lookout, req, params }) =>
  statusPageAnswer(lookout, req, params.slug, 'rss'),
);
