import type { Lookout } from '@/lib/engine/context';
import { ForbiddenError, UnauthenticatedError } from '@/lib/errors';
import { resolveToken } from './credentials';
import { allows, type Principal, type Scope } from './scope';
import { findSession, SESSION_COOKIE } from './sessions';

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
export function identify(
  lookout: Lookout,
  authorization: string | null,
  cookieHeader: string | null,
): Principal | null {
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

/** The caller with `need` rights, or a 401/403-kind error; anonymous callers read when LOOKOUT_ANONYMOUS_READ allows. */
export function requireScope(
  lookout: Lookout,
  authorization: string | null,
  cookieHeader: string | null,
  need: Scope,
): Principal {
  const principal = identify(lookout, authorization, cookieHeader);
  if (!principal) {
    if (need === 'read' && lookout.env.anonymousRead) return { scope: 'read', via: 'anonymous' };
    if (authorization) throw new UnauthenticatedError('invalid_token', 'The bearer token is not valid.');
    throw new UnauthenticatedError('unauthorized', 'Sign in, or send Authorization: Bearer <token>.');
  }
  if (!allows(principal.scope, need)) {
    throw new ForbiddenError(
      'forbidden',
      `This needs the ${need} scope; the credentials used have ${principal.scope}.`,
    );
  }
  return principal;
}
