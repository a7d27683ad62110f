import { maintenanceEndpoints } from '@/lib/api/openapi/endpoints-maintenance';
import { route } from '@/lib/api/route';
import { removeWindow, replaceWindow, resolveWindow } from '@/lib/maintenance/maintenance-service';
import { shapeWindow } from '@/lib/maintenance/shape-window';

// GET /api/v1/maintenance/{id} — one window (by number or name).
export const GET = route(maintenanceEndpoints.getMaintenance, ({ lookout, params }) => ({
  data: shapeWindow(resolveWindow(lookout.readDb, params.id), lookout.clock.now()),
}));

// PUT /api/v1/maintenance/{id} — replaces a window made in Lookout.
export const PUT = route(maintenanceEndpoints.replaceMaintenance, ({ lookout, params, body }) => {
  const now = lookout.clock.now();
  return { data: shapeWindow(replaceWindow(lookout.db, params.id, body, now), now) };
});

// DELETE /api/v1/maintenance/{id} — alerts it held are notified at their group's next flush.
export const DELETE = route(maintenanceEndpoints.deleteMaintenance, ({ lookout, params }) =>
  removeWindow(lookout.db, params.id),
);
