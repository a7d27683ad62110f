import { prometheusEndpoints as p } from '@/lib/api/openapi/endpoints-prometheus';
import { promAnswer } from '@/lib/api/prometheus/answer';
import { metricMetadata } from '@/lib/api/prometheus/metadata';
import { route } from '@/lib/api/route';
import { collectMetrics } from '@/lib/system/collect-metrics';

// GET /prometheus/api/v1/metadata — type and help of each family /metrics exports.
export const GET = route(p.metadata, ({ lookout, req }) =>
  promAnswer(req, (params) => metricMetadata(collectMetrics(lookout), params)),
);
