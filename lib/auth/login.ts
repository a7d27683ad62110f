import type { Lookout } from '@/lib/engine/context';
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from '@/lib/errors';
import { resolveToken, type TokenGrant } from './credentials';
import { LoginLimiter } from './login-limiter';
import { storedPasswordHash, verifyPassword } from './password';
import { safeEqual } from './secrets';

export type PasswordState = 'env' | 'stored' | 'unset';

/** Too many failed sign-ins: answered 429 with Retry-After. */
export class TooManyAttempts extends RateLimitedError {
  constructor(retryAfterS: number) {
    super('too_many_attempts', `Too many failed sign-ins; try again in ${retryAfterS} s.`, retryAfterS);
  }
}

const limiters = new WeakMap<Lookout, LoginLimiter>();

function limiterOf(lookout: Lookout): LoginLimiter {
  let l = limiters.get(lookout);
  if (!l) limiters.set(lookout, (l = new LoginLimiter(lookout.clock)));
  return l;
}

export function passwordState(lookout: Lookout): PasswordState {
  if (lookout.env.adminPassword) return 'env';
  return storedPasswordHash(lookout.readDb) ? 'stored' : 'unset';
}

async function passwordMatches(lookout: Lookout, password: string): Promise<boolean> {
  if (lookout.env.adminPassword) return safeEqual(password, lookout.env.adminPassword);
  const stored = storedPasswordHash(lookout.readDb);
  return stored ? verifyPassword(password, stored) : false;
}

/**
 * Checks what was typed on /login: a token (admin or API), else the admin password. Tokens are
 * unguessable, so they work even while the client is locked out; passwords are rate-limited.
 */
export async function signIn(lookout: Lookout, secret: string, client: string): Promise<TokenGrant> {
  const limiter = limiterOf(lookout);
  const token = resolveToken(lookout, secret);
  if (token) {
    if (token.scope === 'ingest')
      throw new ForbiddenError(
        'forbidden',
        'An ingest token can only post logs; sign in with the password or a read or admin token.',
      );
    limiter.succeed(client);
    return token;
  }
  const wait = limiter.waitMs(client);
  if (wait > 0) throw new TooManyAttempts(Math.ceil(wait / 1000));
  if (await passwordMatches(lookout, secret)) {
    limiter.succeed(client);
    return { scope: 'admin', tokenId: null };
  }
  limiter.fail(client);
  const hint =
    passwordState(lookout) === 'unset' ? ' No password is set yet: choose one on /login with the admin token.' : '';
  throw new UnauthenticatedError('invalid_credentials', `That password or token is not valid.${hint}`);
}
