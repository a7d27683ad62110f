import { targetEndpoints } from '@/lib/api/openapi/endpoints-targets';
import { invalidParam, rangeOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { getSparklines } from '@/lib/queries/get-sparklines';

// GET /api/v1/targets/sparklines?from&to — per-minute latency of every target, at most 24h.
export const GET = route(targetEndpoints.getTargetSparklines, ({ lookout, query }) => {
  const { from, to } = rangeOf(query, lookout.clock.now());
  if (to - from > 86_400_000) throw invalidParam('from', 'sparklines cover at most 24 hours.');
  return { data: getSparklines(lookout.readDb, from, to) };
});
