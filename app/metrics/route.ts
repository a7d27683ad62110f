import { systemEndpoints } from '@/lib/api/openapi/endpoints-system';
import { route } from '@/lib/api/route';
import { collectMetrics } from '@/lib/system/collect-metrics';
import { renderExposition } from '@/lib/system/exposition';

// GET /metrics — Prometheus text exposition of the derived series and Lookout's own; read rights, like the API.
export const GET = route(
  systemEndpoints.getMetrics,
  ({ lookout }) =>
    new Response(renderExposition(collectMetrics(lookout)), {
      headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
    }),
);
