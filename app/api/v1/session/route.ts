import { requireSameOrigin } from '@/lib/api/auth';
import { authEndpoints } from '@/lib/api/openapi/endpoints-auth';
import { json } from '@/lib/api/response';
import { route } from '@/lib/api/route';
import { readCookie } from '@/lib/auth/identify';
import { signIn } from '@/lib/auth/login';
import { clientKey } from '@/lib/auth/login-limiter';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { createSession, deleteSession, findSession, SESSION_COOKIE, SESSION_TTL_MS } from '@/lib/auth/sessions';

// GET /api/v1/session — who the caller is.
export const GET = route(authEndpoints.getSession, ({ principal }) => ({
  data: { scope: principal.scope, anonymous: principal.via === 'anonymous' },
}));

// POST /api/v1/session — exchanges the admin password or a read/admin token for an httpOnly session cookie.
export const POST = route(authEndpoints.login, async ({ lookout, req, body }) => {
  const grant = await signIn(lookout, (body.password ?? body.token) as string, clientKey(req.headers));
  const value = createSession(lookout.db, grant.scope, lookout.clock.now(), grant.tokenId);
  return json({ data: { scope: grant.scope } }, 200, {
    'set-cookie': sessionCookie(value, SESSION_TTL_MS / 1000, req),
  });
});

// DELETE /api/v1/session — logs out; only a live session's cookie needs its own pages to ask.
export const DELETE = route(authEndpoints.logout, ({ lookout, req }) => {
  const value = readCookie(req.headers.get('cookie'), SESSION_COOKIE);
  if (value && findSession(lookout.readDb, value, lookout.clock.now())) {
    requireSameOrigin(req);
    deleteSession(lookout.db, value);
  }
  return json({ data: { scope: null } }, 200, { 'set-cookie': sessionCookie('', 0, req) });
});
