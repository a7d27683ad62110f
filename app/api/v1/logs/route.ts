import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { rangeOf } from '@/lib/api/params';
import { readLimitedText } from '@/lib/api/read-body';
import { route } from '@/lib/api/route';
import { UnavailableError } from '@/lib/errors';
import { splitBody } from '@/lib/ingest/split-body';
import { IngestUnavailable } from '@/lib/ingest/worker/ingest-client';
import { searchLogs } from '@/lib/queries/search-logs';

// GET /api/v1/logs?from&to&q&source&level&limit&cursor — matching lines, newest first.
export const GET = route(logEndpoints.searchLogs, ({ lookout, query }) => {
  const { q: terms, source, level, limit, cursor = null } = query;
  return searchLogs(lookout.readDb, { ...rangeOf(query, lookout.clock.now()), terms, source, level, limit, cursor });
});

// POST /api/v1/logs?source=NAME — NDJSON, plain lines or a JSON array; answered after the commit.
export const POST = route(logEndpoints.ingestLogs, async ({ lookout, req, query }) => {
  const { lines, rejects } = splitBody(await readLimitedText(req), req.headers.get('content-type') ?? '');
  const { accepted, rejected } = await lookout.ingest
    .ingestLines(query.source, lines, rejects)
    .catch((err: unknown) => {
      if (err instanceof IngestUnavailable)
        throw new UnavailableError('ingest_unavailable', `${err.message}; nothing of this request was stored.`);
      throw err;
    });
  return { accepted, rejected, errors: rejects.map((r) => ({ line: r.line, reason: r.reason })) };
});
