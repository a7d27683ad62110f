import { sloEndpoints } from '@/lib/api/openapi/endpoints-slos';
import { route } from '@/lib/api/route';
import { shapeSlo } from '@/lib/slo/shape-slo';
import { removeSlo, replaceSlo, resolveSlo } from '@/lib/slo/slo-service';

// GET /api/v1/slos/{id} — one SLO (by number or name) with its burn-down through the window.
export const GET = route(sloEndpoints.getSlo, ({ lookout, params }) => ({
  data: shapeSlo(lookout.readDb, resolveSlo(lookout, params.id), lookout.clock.now(), true),
}));

// PUT /api/v1/slos/{id} — replaces an SLO made in Lookout.
export const PUT = route(sloEndpoints.replaceSlo, ({ lookout, params, body }) => ({
  data: shapeSlo(lookout.db, replaceSlo(lookout, params.id, body), lookout.clock.now()),
}));

// DELETE /api/v1/slos/{id} — its burn-rate alerts resolve at the next evaluation.
export const DELETE = route(sloEndpoints.deleteSlo, ({ lookout, params }) => removeSlo(lookout, params.id));
