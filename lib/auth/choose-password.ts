import type { Lookout } from '@/lib/engine/context';
import { ConflictError, UnauthenticatedError } from '@/lib/errors';
import { passwordState } from './login';
import { storePassword } from './password';
import { safeEqual } from './secrets';

/**
 * Sets the admin password. The first one needs the bootstrap admin token (in the body or as bearer):
 * whoever reaches a fresh install first must not be able to claim it. Changing it needs admin rights,
 * which `requireAdmin` checks (it throws when the caller lacks them).
 */
export async function chooseAdminPassword(
  lookout: Lookout,
  body: { password: string; token?: string },
  requireAdmin: () => void,
): Promise<void> {
  const state = passwordState(lookout);
  if (state === 'env') {
    throw new ConflictError(
      'password_from_env',
      'LOOKOUT_ADMIN_PASSWORD is set; change the password there and restart Lookout.',
    );
  }
  const bootstrap = state === 'unset' && body.token !== undefined && safeEqual(body.token, lookout.adminToken);
  if (!bootstrap) {
    if (state === 'unset' && body.token !== undefined)
      throw new UnauthenticatedError(
        'invalid_token',
        'That is not the admin token (LOOKOUT_ADMIN_TOKEN or data/admin-token).',
      );
    requireAdmin();
  }
  await storePassword(lookout.db, body.password, lookout.clock.now());
}
