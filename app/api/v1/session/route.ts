import { z } from 'zod';
import { authorize, identify } from '@/lib/api/auth';
import { ApiError } from '@/lib/api/errors';
import { parseBody, readJson } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { safeEqual } from '@/lib/auth/secrets';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_MS } from '@/lib/auth/sessions';
import { getLookout } from '@/lib/engine/instance';

const loginSchema = z.object({ token: z.string().min(1, 'token is required').max(512) });

function cookie(value: string, maxAgeS: number, req: Request): string {
  const secure = new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure ? '; Secure' : ''}`;
}

// GET /api/v1/session — who the caller is.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  const principal = authorize(lookout, req, 'read');
  return json({ data: { scope: principal.scope, anonymous: principal.via === 'anonymous' } });
});

// POST /api/v1/session — exchanges the admin token for an httpOnly session cookie.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  const { token } = parseBody(loginSchema, await readJson(req));
  if (!safeEqual(token, lookout.adminToken)) throw new ApiError(401, 'invalid_token', 'That token is not valid.');
  const value = createSession(lookout.db, 'admin', lookout.clock.now());
  return json({ data: { scope: 'admin' } }, 200, { 'set-cookie': cookie(value, SESSION_TTL_MS / 1000, req) });
});

// DELETE /api/v1/session — logs out.
export const DELETE = handle(async (req: Request) => {
  const lookout = getLookout();
  const value = req.headers.get('cookie')?.match(new RegExp(`${SESSION_COOKIE}=([^;]+)`))?.[1];
  if (value && identify(lookout, null, req.headers.get('cookie'))) deleteSession(lookout.db, decodeURIComponent(value));
  return json({ data: { scope: null } }, 200, { 'set-cookie': cookie('', 0, req) });
});
