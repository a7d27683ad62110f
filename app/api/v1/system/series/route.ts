import { authorize } from '@/lib/api/auth';
import { handle, json } from '@/lib/api/response';
import { readSystemSeriesParams } from '@/lib/api/system-params';
import { getLookout } from '@/lib/engine/instance';
import { getSystemSeries } from '@/lib/queries/get-system-series';

// GET /api/v1/system/series?chart&from&to&step — one /system chart as `{step_ms, unit, series:[{key, points}]}`.
export const GET = handle(async (req: Request) => {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const { chart, from, to, step } = readSystemSeriesParams(new URL(req.url).searchParams, lookout.clock.now());
  return json(getSystemSeries(lookout.readDb, chart, from, to, step));
});
