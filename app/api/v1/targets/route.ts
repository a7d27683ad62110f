import { targetEndpoints } from '@/lib/api/openapi/endpoints-targets';
import { route } from '@/lib/api/route';
import { listTargets, savedTarget } from '@/lib/queries/list-targets';
import { createTarget } from '@/lib/targets/save-target';

// GET /api/v1/targets — every target with status, uptime and latency.
export const GET = route(targetEndpoints.listTargets, ({ lookout, query }) => ({
  data: listTargets(lookout.readDb, lookout.clock.now(), undefined, query.include_maintenance === 'true'),
}));

// POST /api/v1/targets — body like a provisioning entry.
export const POST = route(targetEndpoints.createTarget, ({ lookout, body }) => {
  const row = createTarget(lookout, body);
  const data = savedTarget(lookout.db, lookout.clock.now(), row.id);
  return { data: row.pingToken ? { ...data, ping_token: row.pingToken } : data };
});
