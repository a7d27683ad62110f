import { requireScope } from '@/lib/auth/identify';
import type { Principal, Scope } from '@/lib/auth/scope';
import type { Lookout } from '@/lib/engine/context';
import { ForbiddenError } from '@/lib/errors';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const csrf = (message: string) => new ForbiddenError('csrf_rejected', message);

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

/** The rights check route() applies: 401 without credentials, 403 without the scope, same-origin for sessions. */
export function authorize(lookout: Lookout, req: Request, need: Scope): Principal {
  const principal = requireScope(lookout, req.headers.get('authorization'), req.headers.get('cookie'), need);
  if (principal.via === 'session') requireSameOrigin(req);
  return principal;
}
