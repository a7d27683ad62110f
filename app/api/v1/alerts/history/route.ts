import { ruleEndpoints } from '@/lib/api/openapi/endpoints-rules';
import { rangeOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { getAlertHistory } from '@/lib/queries/get-alert-history';

// GET /api/v1/alerts/history?from&to — pending and firing periods of each alert identity in the range.
export const GET = route(ruleEndpoints.getAlertHistory, ({ lookout, query }) => {
  const { from, to } = rangeOf(query, lookout.clock.now());
  return { data: getAlertHistory(lookout.readDb, from, to) };
});
