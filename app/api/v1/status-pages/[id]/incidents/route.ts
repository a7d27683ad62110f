import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { listStatusIncidents } from '@/lib/queries/list-status-incidents';
import { listStatusPages } from '@/lib/queries/list-status-pages';
import { announceIncident } from '@/lib/status-pages/announce';
import { createStatusIncident } from '@/lib/status-pages/incident-store';

// GET /api/v1/status-pages/{id}/incidents — written incidents and maintenance, newest first.
export const GET = route(statusEndpoints.listStatusIncidents, ({ lookout, params }) => {
  if (!listStatusPages(lookout.readDb, { id: params.id }).length) throw new NotFoundError('status page');
  return { data: listStatusIncidents(lookout.readDb, params.id) };
});

// POST /api/v1/status-pages/{id}/incidents — opens an incident or schedules maintenance.
export const POST = route(statusEndpoints.createStatusIncident, ({ lookout, params, body }) => {
  const incident = createStatusIncident(lookout.db, params.id, body, lookout.clock.now());
  announceIncident(lookout, params.id, incident, true);
  return { data: incident };
});
