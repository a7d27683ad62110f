import { authorize } from '@/lib/api/auth';
import { ApiError, badRequest } from '@/lib/api/errors';
import { IngestUnavailable } from '@/lib/ingest/worker/ingest-client';
import { parseLogSearch } from '@/lib/api/logs-params';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { searchLogs } from '@/lib/queries/search-logs';
import { readLimitedText } from '@/lib/api/read-body';
import { splitBody } from '@/lib/ingest/split-body';
import { passes, sourceNameParam } from '@/lib/api/query-schemas';

// GET /api/v1/logs?from&to&q&source&level&limit&cursor — matching lines, newest first.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const search = parseLogSearch(new URL(req.url).searchParams, lookout.clock.now());
  return json(searchLogs(lookout.readDb, search));
});

// POST /api/v1/logs?source=NAME — NDJSON, plain lines or a JSON array; answered after the commit.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'ingest');
  const source = new URL(req.url).searchParams.get('source') ?? '';
  if (!passes(sourceNameParam, source)) {
    throw badRequest('invalid_parameter', 'source: name the source these lines come from, e.g. ?source=myapp (letters, digits, _ . : -).');
  }
  const { lines, rejects } = splitBody(await readLimitedText(req), req.headers.get('content-type') ?? '');
  const { accepted, rejected } = await lookout.ingest.ingestLines(source, lines, rejects).catch((err: unknown) => {
    if (err instanceof IngestUnavailable) throw new ApiError(503, 'ingest_unavailable', `${err.message}; nothing of this request was stored.`);
    throw err;
  });
  return json({ accepted, rejected, errors: rejects.map((r) => ({ line: r.line, reason: r.reason })) });
});
