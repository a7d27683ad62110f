import { authorize } from '@/lib/api/auth';
import { ApiError } from '@/lib/api/errors';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { reloadConfig } from '@/lib/engine/reload';

// POST /api/v1/config/reload — re-reads the provisioning file; a broken file changes nothing.
export const POST = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'admin');
  try {
    return json({ data: await reloadConfig(lookout) });
  } catch (err) {
    throw new ApiError(400, 'invalid_config', `${(err as Error).message}. The running configuration is unchanged.`);
  }
});
