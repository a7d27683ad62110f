import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { announceIncident } from '@/lib/status-pages/announce';
import { addIncidentUpdate } from '@/lib/status-pages/incident-store';

// POST /api/v1/status-pages/{id}/incidents/{incident}/updates — a timestamped Markdown update.
export const POST = route(statusEndpoints.addIncidentUpdate, ({ lookout, params, body }) => {
  const incident = addIncidentUpdate(lookout.db, params.id, params.incident, body, lookout.clock.now());
  announceIncident(lookout, params.id, incident, false);
  return { data: incident };
});
