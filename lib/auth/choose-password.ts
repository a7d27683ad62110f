import { authorize } from '@/lib/api/auth';
import { ApiError } from '@/lib/api/errors';
import type { Lookout } from '@/lib/engine/context';
import { passwordState } from './login';
import { storePassword } from './password';
import { safeEqual } from './secrets';

/**
 * Sets the admin password. The first one needs the bootstrap admin token (in the body or as bearer):
 * whoever reaches a fresh install first must not be able to claim it. Changing it needs admin rights.
 */
export async function chooseAdminPassword(lookout: Lookout, req: Request, body: { password: string; token?: string }): Promise<void> {
  const state = passwordState(lookout);
  if (state === 'env') {
    throw new ApiError(409, 'password_from_env', 'LOOKOUT_ADMIN_PASSWORD is set; change the password there and restart Lookout.');
  }
  const bootstrap = state === 'unset' && body.token !== undefined && safeEqual(body.token, lookout.adminToken);
  if (!bootstrap) {
    if (state === 'unset' && body.token !== undefined) throw new ApiError(401, 'invalid_token', 'That is not the admin token (LOOKOUT_ADMIN_TOKEN or data/admin-token).');
    authorize(lookout, req, 'admin');
  }
  await storePassword(lookout.db, body.password, lookout.clock.now());
}
