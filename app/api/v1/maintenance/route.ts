import { maintenanceEndpoints } from '@/lib/api/openapi/endpoints-maintenance';
import { route } from '@/lib/api/route';
import { createWindow } from '@/lib/maintenance/maintenance-service';
import { shapeWindow } from '@/lib/maintenance/shape-window';
import { listMaintenance } from '@/lib/queries/list-maintenance';

// GET /api/v1/maintenance?state — every maintenance window, active ones first.
export const GET = route(maintenanceEndpoints.listMaintenance, ({ lookout, query }) => ({
  data: listMaintenance(lookout.readDb, lookout.clock.now(), query.state),
}));

// POST /api/v1/maintenance — {name, targets, starts_at, ends_at | duration, time_intervals?, reason?}.
export const POST = route(maintenanceEndpoints.createMaintenance, ({ lookout, body }) => {
  const now = lookout.clock.now();
  return { data: shapeWindow(createWindow(lookout.db, body, now), now) };
});
