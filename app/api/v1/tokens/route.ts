import { authEndpoints } from '@/lib/api/openapi/endpoints-auth';
import { route } from '@/lib/api/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { listTokens } from '@/lib/queries/list-tokens';

// GET /api/v1/tokens — the API tokens, without their secrets.
export const GET = route(authEndpoints.listTokens, ({ lookout }) => ({ data: listTokens(lookout.readDb) }));

// POST /api/v1/tokens — creates a token; its secret is in this answer and nowhere else, ever.
export const POST = route(authEndpoints.createToken, ({ lookout, body }) => ({
  data: createApiToken(lookout.db, body.name, body.scope, lookout.clock.now()),
}));
