import { logDetailEndpoints } from '@/lib/api/openapi/endpoints-log-detail';
import { route } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { getSourceDetection } from '@/lib/queries/get-source-detection';

// GET /api/v1/sources/{id}/detection — what detection made of the source's latest lines and its time fallbacks.
export const GET = route(logDetailEndpoints.getSourceDetection, ({ lookout, params }) => {
  const data = getSourceDetection(lookout.readDb, params.id);
  if (!data) throw new NotFoundError(`log source ${params.id}`);
  return { data };
});
