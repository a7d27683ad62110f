import { otlpEndpoints } from '@/lib/api/openapi/endpoints-otlp';
import { otlpLogsRoute } from '@/lib/api/otlp-routes';

// POST /v1/logs — OTLP/HTTP logs (protobuf or JSON); answered after the commit.
export const POST = otlpLogsRoute(otlpEndpoints.otlpLogs);
