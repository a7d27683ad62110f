import { authorize } from '@/lib/api/auth';
import { authEndpoints } from '@/lib/api/openapi/endpoints-auth';
import { json } from '@/lib/api/response';
import { route } from '@/lib/api/route';
import { chooseAdminPassword } from '@/lib/auth/choose-password';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { createSession, SESSION_TTL_MS } from '@/lib/auth/sessions';

// POST /api/v1/session/password — chooses the admin password (first time: with the admin token) and signs in.
export const POST = route(authEndpoints.choosePassword, async ({ lookout, req, body }) => {
  await chooseAdminPassword(lookout, body, () => authorize(lookout, req, 'admin'));
  const value = createSession(lookout.db, 'admin', lookout.clock.now());
  return json({ data: { scope: 'admin' } }, 200, { 'set-cookie': sessionCookie(value, SESSION_TTL_MS / 1000, req) });
});
