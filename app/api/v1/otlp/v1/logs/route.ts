import { otlpEndpoints } from '@/lib/api/openapi/endpoints-otlp';
import { otlpLogsRoute } from '@/lib/api/otlp-routes';

// POST /api/v1/otlp/v1/logs — the same as /v1/logs, for clients configured with Lookout's API prefix.
export const POST = otlpLogsRoute(otlpEndpoints.otlpLogsUnderApi);
