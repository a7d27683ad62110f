import { heartbeatEndpoints } from '@/lib/api/openapi/endpoints-heartbeats';
import { pingAnswer } from '@/lib/api/ping-answer';
import { route } from '@/lib/api/route';

// GET /ping/{token} — a heartbeat's success ping.
export const GET = route(heartbeatEndpoints.pingGet, ({ lookout, req, params }) =>
  pingAnswer(lookout, req, params.token),
);

// POST /ping/{token} — a success ping with the job's log as the body.
export const POST = route(heartbeatEndpoints.pingPost, ({ lookout, req, params }) =>
  pingAnswer(lookout, req, params.token),
);
