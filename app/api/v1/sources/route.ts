import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { route } from '@/lib/api/route';
import { InvalidInputError } from '@/lib/errors';
import { listSources } from '@/lib/queries/list-sources';

// GET /api/v1/sources — log sources with counts, rejects, lag and file status.
export const GET = route(logEndpoints.listSources, ({ lookout }) => ({
  data: listSources(lookout.readDb, (name) => lookout.ingest.tailStatus(name)),
}));

// POST /api/v1/sources — a file source like a provisioning `logs:` entry; starts tailing at once.
export const POST = route(logEndpoints.createSource, async ({ lookout, body }) => {
  try {
    await lookout.ingest.addFileSource(body, process.cwd());
  } catch (err) {
    throw new InvalidInputError('invalid_request', (err as Error).message);
  }
  const created = listSources(lookout.db, (name) => lookout.ingest.tailStatus(name)).find((s) => s.name === body.name);
  if (!created) throw new Error(`log source ${body.name} vanished right after it was added`);
  return { data: created };
});
