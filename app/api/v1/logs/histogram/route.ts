import { logEndpoints } from '@/lib/api/openapi/endpoints-logs';
import { rangeOf, stepOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { getLogsHistogram } from '@/lib/queries/get-logs-histogram';

// GET /api/v1/logs/histogram?from&to&q&source&level&step — matching lines per step.
export const GET = route(logEndpoints.getLogHistogram, ({ lookout, query }) => {
  const { from, to } = rangeOf(query, lookout.clock.now());
  return getLogsHistogram(lookout.readDb, {
    from,
    to,
    terms: query.q,
    source: query.source,
    level: query.level,
    stepMs: stepOf(query.step, from, to),
  });
});
