import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { route } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { getSourceName } from '@/lib/queries/get-source-name';

// DELETE /api/v1/sources/{id} — stops tailing; the lines already stored stay until retention.
export const DELETE = route(logEndpoints.deleteSource, async ({ lookout, params }) => {
  const name = getSourceName(lookout.db, params.id);
  if (!name) throw new NotFoundError(`log source ${params.id}`);
  await lookout.ingest.detachSource(name);
});
