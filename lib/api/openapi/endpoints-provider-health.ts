import { providerHealthShape } from './shapes-provider-health';
import { defineEndpoint } from './types';

/** Provider health from recent traffic and synthetic llm checks (docs/provider-health.md). */
export const providerHealthEndpoints = {
  getProviderHealth: defineEndpoint({
    method: 'GET',
    path: '/api/v1/providers/health',
    operationId: 'getProviderHealth',
    summary: 'Each provider: healthy, degraded, outage or unknown from the last minutes of traffic',
    tag: 'logs',
    access: 'read',
    response: providerHealthShape,
  }),
};
