import { authorize } from '@/lib/api/auth';
import { parseBody, readJson } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { createApiToken } from '@/lib/auth/api-tokens';
import { tokenSchema } from '@/lib/auth/schemas';
import { getLookout } from '@/lib/engine/instance';
import { listTokens } from '@/lib/queries/list-tokens';

// GET /api/v1/tokens — the API tokens, without their secrets.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  return json({ data: listTokens(lookout.readDb) });
});

// POST /api/v1/tokens — creates a token; its secret is in this answer and nowhere else, ever.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  const { name, scope } = parseBody(tokenSchema, await readJson(req));
  return json({ data: createApiToken(lookout.db, name, scope, lookout.clock.now()) }, 201);
});
