import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { listStatusSubscribers } from '@/lib/queries/list-status-subscribers';
import { addStatusSubscriber } from '@/lib/status-pages/subscriber-store';

// GET /api/v1/status-pages/{id}/subscribers — webhooks, scheme and host only.
export const GET = route(statusEndpoints.listSubscribers, ({ lookout, params }) => ({
  data: listStatusSubscribers(lookout.readDb, params.id),
}));

// POST /api/v1/status-pages/{id}/subscribers — adds a webhook.
export const POST = route(statusEndpoints.addSubscriber, ({ lookout, params, body }) => ({
  data: addStatusSubscriber(lookout.db, params.id, body.url, lookout.clock.now()),
}));
