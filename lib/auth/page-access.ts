import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLookout } from '@/lib/engine/instance';
import { identify } from './identify';
import { allows, type Principal } from './scope';
import { SESSION_COOKIE } from './sessions';

/**
 * Called first by every page: visitors without read rights go to /login, and come back to `path`.
 * `token` (from `?token=` on /wall and /embed) counts as a bearer token (read or admin), for screens that cannot sign in.
 */
export async function requirePageAccess(path = '/', opts: { token?: string } = {}): Promise<Principal> {
  // Reading the request first makes the page dynamic, so a build never opens the database.
  const jar = await cookies();
  const h = await headers();
  const lookout = getLookout();
  const session = jar.get(SESSION_COOKIE)?.value;
  const bearer = opts.token ? `Bearer ${opts.token}` : h.get('authorization');
  const principal = identify(lookout, bearer, session ? `${SESSION_COOKIE}=${encodeURIComponent(session)}` : null);
  // An ingest token only posts logs: it opens no page.
  if (principal && allows(principal.scope, 'read')) return principal;
  if (lookout.env.anonymousRead) return { scope: 'read', via: 'anonymous' };
  redirect(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
}
