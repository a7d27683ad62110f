import { SESSION_COOKIE } from './sessions';

/** The session cookie: httpOnly, SameSite=Strict, and Secure whenever the browser reached Lookout over https. */
export function sessionCookie(value: string, maxAgeS: number, req: Request): string {
  const secure = new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure ? '; Secure' : ''}`;
}
