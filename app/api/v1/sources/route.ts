import { authorize } from '@/lib/api/auth';
import { parseBody, readJson } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { badRequest } from '@/lib/api/errors';
import { getLookout } from '@/lib/engine/instance';
import { logSourceSchema } from '@/lib/ingest/source-schema';
import { listSources } from '@/lib/queries/list-sources';

// GET /api/v1/sources — log sources with counts, rejects, lag and file status.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return json({ data: listSources(lookout.readDb, (name) => lookout.ingest.tailStatus(name)) });
});

// POST /api/v1/sources — a file source like a provisioning `logs:` entry; starts tailing at once.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const input = parseBody(logSourceSchema, await readJson(req));
  try {
    await lookout.ingest.addFileSource(input, process.cwd());
  } catch (err) {
    throw badRequest('invalid_request', (err as Error).message);
  }
  const created = listSources(lookout.db, (name) => lookout.ingest.tailStatus(name)).find((s) => s.name === input.name);
  return json({ data: created }, 201);
});
