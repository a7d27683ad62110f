import type { Lookout } from '@/lib/engine/context';
import { allows, type Principal, type Scope } from '@/lib/auth/scope';
import { findSession, SESSION_COOKIE } from '@/lib/auth/sessions';
import { safeEqual } from '@/lib/auth/secrets';
import { ApiError } from './errors';

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Who is calling: a bearer token, a session cookie, or nobody. */
export function identify(lookout: Lookout, authorization: string | null, cookieHeader: string | null): Principal | null {
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) return safeEqual(bearer, lookout.adminToken) ? { scope: 'admin', via: 'token' } : null;
  const session = readCookie(cookieHeader, SESSION_COOKIE);
  if (session) {
    const scope = findSession(lookout.readDb, session, lookout.clock.now());
    if (scope) return { scope, via: 'session' };
  }
  return null;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Cookies ride along on cross-site requests; a JSON body or same-origin marker cannot be forged by a form. */
function checkCsrf(req: Request): void {
  if (!MUTATING.has(req.method)) return;
  const origin = req.headers.get('origin');
  if (origin && origin !== new URL(req.url).origin && origin !== `${req.headers.get('x-forwarded-proto') ?? 'http'}://${req.headers.get('host')}`) {
    throw new ApiError(403, 'csrf_rejected', 'This request came from another site; Lookout only accepts changes from its own pages.');
  }
  const type = req.headers.get('content-type') ?? '';
  if (req.method !== 'DELETE' && !type.startsWith('application/json')) {
    throw new ApiError(403, 'csrf_rejected', 'Browser changes must be sent as application/json.');
  }
}

/** The one guard every route calls: throws 401 without credentials, 403 without the scope. */
export function authorize(lookout: Lookout, req: Request, need: Scope): Principal {
  const principal = identify(lookout, req.headers.get('authorization'), req.headers.get('cookie'));
  if (!principal) {
    if (need === 'read' && lookout.env.anonymousRead) return { scope: 'read', via: 'anonymous' };
    const hasBearer = !!req.headers.get('authorization');
    throw new ApiError(
      401,
      hasBearer ? 'invalid_token' : 'unauthorized',
      hasBearer ? 'The bearer token is not valid.' : 'Sign in, or send Authorization: Bearer <token>.',
    );
  }
  if (!allows(principal.scope, need)) {
    throw new ApiError(403, 'forbidden', `This needs the ${need} scope; the credentials used have ${principal.scope}.`);
  }
  if (principal.via === 'session') checkCsrf(req);
  return principal;
}
