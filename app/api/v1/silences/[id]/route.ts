import { requireAlerting } from '@/lib/api/alerting-guard';
import { alertingEndpoints } from '@/lib/api/openapi/endpoints-alerting';
import { route } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';

// DELETE /api/v1/silences/{id} — expires the silence now.
export const DELETE = route(alertingEndpoints.expireSilence, ({ lookout, params }) => {
  if (!requireAlerting(lookout).silences.expire(params.id, lookout.clock.now()))
    throw new NotFoundError(`silence ${params.id}`);
  lookout.alerts.persist();
});
