import { authEndpoints } from '@/lib/api/openapi/endpoints-auth';
import { route } from '@/lib/api/route';
import { revokeApiToken } from '@/lib/auth/api-tokens';

// DELETE /api/v1/tokens/{id} — revokes a token at once, with any session opened with it.
export const DELETE = route(authEndpoints.revokeToken, ({ lookout, params }) => revokeApiToken(lookout.db, params.id));
