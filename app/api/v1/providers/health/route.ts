import { providerHealthEndpoints } from '@/lib/api/openapi/endpoints-provider-health';
import { route } from '@/lib/api/route';
import { getProviderHealth } from '@/lib/provider-health/provider-health';
import { thresholdsOf } from '@/lib/provider-health/thresholds';

// GET /api/v1/providers/health — per provider state from the last window of traffic, plus synthetic checks.
export const GET = route(providerHealthEndpoints.getProviderHealth, ({ lookout }) =>
  getProviderHealth(lookout.readDb, lookout.clock.now(), thresholdsOf(lookout.provisioning.provider_health)),
);
