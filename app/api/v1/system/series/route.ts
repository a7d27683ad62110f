import { systemEndpoints } from '@/lib/api/openapi/endpoints-system';
import { rangeOf, stepOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { getSystemSeries } from '@/lib/queries/get-system-series';

// GET /api/v1/system/series?chart&from&to&step — one /system chart as `{step_ms, unit, series:[{key, points}]}`.
export const GET = route(systemEndpoints.getSystemSeries, ({ lookout, query }) => {
  const { from, to } = rangeOf(query, lookout.clock.now());
  // Samples are 15 s apart: default steps are multiples of 30 s.
  return getSystemSeries(lookout.readDb, query.chart, from, to, stepOf(query.step, from, to, 30_000));
});
