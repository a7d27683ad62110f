import { requireSameOrigin } from '@/lib/api/auth';
import { parseBody, readJson } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { chooseAdminPassword } from '@/lib/auth/choose-password';
import { choosePasswordSchema } from '@/lib/auth/schemas';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { createSession, SESSION_TTL_MS } from '@/lib/auth/sessions';
import { getLookout } from '@/lib/engine/instance';

// POST /api/v1/session/password — chooses the admin password (first time: with the admin token) and signs in.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  requireSameOrigin(req);
  const body = parseBody(choosePasswordSchema, await readJson(req));
  await chooseAdminPassword(lookout, req, body);
  const value = createSession(lookout.db, 'admin', lookout.clock.now());
  return json({ data: { scope: 'admin' } }, 200, { 'set-cookie': sessionCookie(value, SESSION_TTL_MS / 1000, req) });
});
