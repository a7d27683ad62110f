import { systemEndpoints } from '@/lib/api/openapi/endpoints-system';
import { route } from '@/lib/api/route';
import { reloadConfig } from '@/lib/engine/reload';
import { InvalidInputError } from '@/lib/errors';

// POST /api/v1/config/reload — re-reads the provisioning file; a broken file changes nothing.
export const POST = route(systemEndpoints.reloadConfig, async ({ lookout }) => {
  try {
    return { data: await reloadConfig(lookout) };
  } catch (err) {
    throw new InvalidInputError('invalid_config', `${(err as Error).message}. The running configuration is unchanged.`);
  }
});
