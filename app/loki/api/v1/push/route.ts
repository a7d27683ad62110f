import { otlpEndpoints } from '@/lib/api/openapi/endpoints-otlp';
import { lokiPushRoute } from '@/lib/api/otlp-routes';

// POST /loki/api/v1/push — Loki's push API (JSON or snappy protobuf); 204 after the commit.
export const POST = lokiPushRoute(otlpEndpoints.lokiPush);
