import { otlpEndpoints } from '@/lib/api/openapi/endpoints-otlp';
import { otlpMetricsRoute } from '@/lib/api/otlp-routes';

// POST /v1/metrics — OTLP/HTTP metrics (protobuf or JSON); answered after the commit.
export const POST = otlpMetricsRoute(otlpEndpoints.otlpMetrics);
