import { targetEndpoints } from '@/lib/api/openapi/endpoints-targets';
import { route } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { getTarget, savedTarget } from '@/lib/queries/list-targets';
import { deleteTarget, updateTarget } from '@/lib/targets/save-target';

// GET /api/v1/targets/{id}
export const GET = route(targetEndpoints.getTarget, ({ lookout, params, query }) => {
  const target = getTarget(lookout.readDb, lookout.clock.now(), params.id, query.include_maintenance === 'true');
  if (!target) throw new NotFoundError(`target ${params.id}`);
  return { data: target };
});

// PATCH /api/v1/targets/{id} — any subset of the provisioning fields.
export const PATCH = route(targetEndpoints.updateTarget, ({ lookout, params, body }) => {
  const row = updateTarget(lookout, params.id, body);
  const data = savedTarget(lookout.db, lookout.clock.now(), params.id);
  return { data: row.pingToken ? { ...data, ping_token: row.pingToken } : data };
});

// DELETE /api/v1/targets/{id} — the target and its history.
export const DELETE = route(targetEndpoints.deleteTarget, ({ lookout, params }) => deleteTarget(lookout, params.id));
