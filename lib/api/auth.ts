import type { Lookout } from '@/lib/engine/context';
import { resolveToken } from '@/lib/auth/credentials';
import { allows, type Principal, type Scope } from '@/lib/auth/scope';
import { findSession, SESSION_COOKIE } from '@/lib/auth/sessions';
import { ApiError } from './errors';

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Who is calling: a bearer token (admin or API token), a session cookie, or nobody. */
export function identify(lookout: Lookout, authorization: string | null, cookieHeader: string | null): Principal | null {
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) {
    const grant = resolveToken(lookout, bearer);
    return grant ? { scope: grant.scope, via: 'token' } : null;
  }
  const session = readCookie(cookieHeader, SESSION_COOKIE);
  if (session) {
    const scope = findSession(lookout.readDb, session, lookout.clock.now());
    if (scope) return { scope, via: 'session' };
  }
  return null;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const csrf = (message: string) => new ApiError(403, 'csrf_rejected', message);

/**
 * Cookies ride along on requests other sites make; a foreign Origin, a cross-site fetch or a body a
 * plain HTML form can send (form-encoded, multipart, text/plain) is refused. Bearer calls never get here.
 */
export function requireSameOrigin(req: Request): void {
  if (!MUTATING.has(req.method)) return;
  const origin = req.headers.get('origin');
  const self = new URL(req.url).origin;
  const forwarded = `${req.headers.get('x-forwarded-proto') ?? 'http'}://${req.headers.get('host')}`;
  if (origin && origin !== self && origin !== forwarded) {
    throw csrf('This request came from another site; Lookout only accepts changes from its own pages.');
  }
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw csrf('This request came from another site; Lookout only accepts changes from its own pages.');
  }
  const type = req.headers.get('content-type') ?? '';
  if (req.method !== 'DELETE' && !/^application\/json\s*(;|$)/i.test(type)) {
    throw csrf('Browser changes must be sent as application/json.');
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
  if (principal.via === 'session') requireSameOrigin(req);
  return principal;
}
