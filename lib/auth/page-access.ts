import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLookout } from '@/lib/engine/instance';
import { identify } from '@/lib/api/auth';
import type { Principal } from './scope';
import { SESSION_COOKIE } from './sessions';

/** Called first by every page: visitors without read rights go to /login. */
export async function requirePageAccess(): Promise<Principal> {
  const lookout = getLookout();
  const jar = await cookies();
  const session = jar.get(SESSION_COOKIE)?.value;
  const h = await headers();
  const principal = identify(lookout, h.get('authorization'), session ? `${SESSION_COOKIE}=${encodeURIComponent(session)}` : null);
  if (principal) return principal;
  if (lookout.env.anonymousRead) return { scope: 'read', via: 'anonymous' };
  redirect('/login');
}
