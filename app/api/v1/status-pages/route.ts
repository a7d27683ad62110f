import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { listStatusPages } from '@/lib/queries/list-status-pages';
import { createStatusPage } from '@/lib/status-pages/status-page-store';

// GET /api/v1/status-pages — every status page.
export const GET = route(statusEndpoints.listStatusPages, ({ lookout }) => ({ data: listStatusPages(lookout.readDb) }));

// POST /api/v1/status-pages — adds a page.
export const POST = route(statusEndpoints.createStatusPage, ({ lookout, body }) => ({
  data: createStatusPage(lookout.db, body, lookout.clock.now()),
}));
