import { heartbeatEndpoints } from '@/lib/api/openapi/endpoints-heartbeats';
import { pingAnswer } from '@/lib/api/ping-answer';
import { route } from '@/lib/api/route';

// GET /ping/{token}/{signal} — start, fail, or an exit code.
export const GET = route(heartbeatEndpoints.pingSignalGet, ({ lookout, req, params }) =>
  pingAnswer(lookout, req, params.token, params.signal),
);

// POST /ping/{token}/{signal} — the same with the job's log as the body.
export const POST = route(heartbeatEndpoints.pingSignalPost, ({ lookout, req, params }) =>
  pingAnswer(lookout, req, params.token, params.signal),
);
