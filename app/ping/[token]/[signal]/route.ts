import { heartbeatEndpoints } from '@/lib/api/openapi/endpoints-heartbeats';
import { route } from '@/lib/api/route';
import { pingAnswer } from '@/lib/targets/ping-answer';

// GET /ping/{token}/{signal} — start, fail, or an exit code.
export const GET = route(heartbeatEndpoints.pingSignalGet, ({ lookout, req, params }) =>
  pingAnswer(lookout, req, params.token, params.signal),
);

// POST /ping/{token}/{signal} — the same with the job's log as the body.
export const POST = route(heartbeatEndpoints.pingSignalPost, ({ lookout, req, params }) =>
  pingAnswer(lookout, req, params.token, params.signal),
);
