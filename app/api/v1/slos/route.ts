import { sloEndpoints } from '@/lib/api/openapi/endpoints-slos';
import { route } from '@/lib/api/route';
import { shapeSlo } from '@/lib/slo/shape-slo';
import { createSlo } from '@/lib/slo/slo-service';
import { readSlos } from '@/lib/slo/slo-store';

// GET /api/v1/slos — every SLO with its error budget and burn rates now.
export const GET = route(sloEndpoints.listSlos, ({ lookout }) => {
  const now = lookout.clock.now();
  return { data: readSlos(lookout.readDb).map((s) => shapeSlo(lookout.readDb, s, now)) };
});

// POST /api/v1/slos — {name, service, objective, window, sli}; its burn-rate rules load at once.
export const POST = route(sloEndpoints.createSlo, ({ lookout, body }) => ({
  data: shapeSlo(lookout.db, createSlo(lookout, body), lookout.clock.now()),
}));
