import { authorize } from '@/lib/api/auth';
import { handle, noContent } from '@/lib/api/response';
import { idParam, type IdContext } from '@/lib/api/route-params';
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { getLookout } from '@/lib/engine/instance';

// DELETE /api/v1/tokens/{id} — revokes a token at once, with any session opened with it.
export const DELETE = handle(async (req: Request, ctx: IdContext) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  revokeApiToken(lookout.db, await idParam(ctx));
  return noContent();
});
