import { authorize } from '@/lib/api/auth';
import { badRequest } from '@/lib/api/errors';
import { parseRange } from '@/lib/api/params';
import { handle, json } from '@/lib/api/response';
import { getLookout } from '@/lib/engine/instance';
import { getSparklines } from '@/lib/queries/get-sparklines';

// GET /api/v1/targets/sparklines?from&to — per-minute latency of every target, at most 24h.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const now = lookout.clock.now();
  const { from, to } = parseRange(new URL(req.url).searchParams, now);
  if (to - from > 86_400_000) throw badRequest('invalid_parameter', 'from: sparklines cover at most 24 hours.');
  return json({ data: getSparklines(lookout.readDb, from, to) });
});
