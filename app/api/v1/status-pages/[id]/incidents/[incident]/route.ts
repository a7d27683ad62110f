import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { announceIncident } from '@/lib/status-pages/announce';
import { deleteStatusIncident, updateStatusIncident } from '@/lib/status-pages/incident-store';

// PATCH /api/v1/status-pages/{id}/incidents/{incident}
export const PATCH = route(statusEndpoints.updateStatusIncident, ({ lookout, params, body }) => {
  const incident = updateStatusIncident(lookout.db, params.id, params.incident, body, lookout.clock.now());
  announceIncident(lookout, params.id, incident, false);
  return { data: incident };
});

// DELETE /api/v1/status-pages/{id}/incidents/{incident}
export const DELETE = route(statusEndpoints.deleteStatusIncident, ({ lookout, params }) => {
  deleteStatusIncident(lookout.db, params.id, params.incident);
});
