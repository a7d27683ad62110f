import { otlpEndpoints } from '@/lib/api/openapi/endpoints-otlp';
import { otlpMetricsRoute } from '@/lib/api/otlp-routes';

// POST /api/v1/otlp/v1/metrics — the same as /v1/metrics, for clients configured with Lookout's API prefix.
export const POST = otlpMetricsRoute(otlpEndpoints.otlpMetricsUnderApi);
