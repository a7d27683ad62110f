import { authorize, readCookie, requireSameOrigin } from '@/lib/api/auth';
import { parseBody, readJson } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { signIn, TooManyAttempts } from '@/lib/auth/login';
import { clientKey } from '@/lib/auth/login-limiter';
import { loginSchema } from '@/lib/auth/schemas';
import { sessionCookie } from '@/lib/auth/session-cookie';
import { createSession, deleteSession, findSession, SESSION_COOKIE, SESSION_TTL_MS } from '@/lib/auth/sessions';
import { getLookout } from '@/lib/engine/instance';

// GET /api/v1/session — who the caller is.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  const principal = authorize(lookout, req, 'read');
  return json({ data: { scope: principal.scope, anonymous: principal.via === 'anonymous' } });
});

// POST /api/v1/session — exchanges the admin password or a read/admin token for an httpOnly session cookie.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  requireSameOrigin(req);
  const body = parseBody(loginSchema, await readJson(req));
  try {
    const grant = await signIn(lookout, (body.password ?? body.token) as string, clientKey(req.headers));
    const value = createSession(lookout.db, grant.scope, lookout.clock.now(), grant.tokenId);
    return json({ data: { scope: grant.scope } }, 200, { 'set-cookie': sessionCookie(value, SESSION_TTL_MS / 1000, req) });
  } catch (err) {
    if (!(err instanceof TooManyAttempts)) throw err;
    return json({ error: { code: err.code, message: err.message } }, 429, { 'retry-after': String(err.retryAfterS) });
  }
});

// DELETE /api/v1/session — logs out.
export const DELETE = handle(async (req: Request) => {
  const lookout = getLookout();
  const value = readCookie(req.headers.get('cookie'), SESSION_COOKIE);
  if (value && findSession(lookout.readDb, value, lookout.clock.now())) {
    requireSameOrigin(req);
    deleteSession(lookout.db, value);
  }
  return json({ data: { scope: null } }, 200, { 'set-cookie': sessionCookie('', 0, req) });
});
