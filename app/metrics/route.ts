import { authorize } from '@/lib/api/auth';
import { handle } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { collectMetrics } from '@/lib/system/collect-metrics';
import { renderExposition } from '@/lib/system/exposition';

// GET /metrics — Prometheus text exposition of the derived series and Lookout's own; read rights, like the API.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  return new Response(renderExposition(collectMetrics(lookout)), {
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
  });
});
