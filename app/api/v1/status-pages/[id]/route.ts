import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { listStatusPages } from '@/lib/queries/list-status-pages';
import { deleteStatusPage, updateStatusPage } from '@/lib/status-pages/status-page-store';

// GET /api/v1/status-pages/{id} — one page.
export const GET = route(statusEndpoints.getStatusPage, ({ lookout, params }) => {
  const [page] = listStatusPages(lookout.readDb, { id: params.id });
  if (!page) throw new NotFoundError('status page');
  return { data: page };
});

// PATCH /api/v1/status-pages/{id} — changes some fields.
export const PATCH = route(statusEndpoints.updateStatusPage, ({ lookout, params, body }) => ({
  data: updateStatusPage(lookout.db, params.id, body, lookout.clock.now()),
}));

// DELETE /api/v1/status-pages/{id}
export const DELETE = route(statusEndpoints.deleteStatusPage, ({ lookout, params }) => {
  deleteStatusPage(lookout.db, params.id);
});
