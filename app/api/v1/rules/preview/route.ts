import { alertingEndpoints } from '@/lib/api/openapi/endpoints-alerting';
import { route } from '@/lib/api/route';
import { previewExpression } from '@/lib/queries/preview-expression';
import { instanceOf } from '@/lib/series/probe-series';

// POST /api/v1/rules/preview — evaluates a PromQL expression now, for the rule editor.
export const POST = route(alertingEndpoints.previewExpression, ({ lookout, body }) => ({
  data: previewExpression(lookout.readDb, body.expr, lookout.clock.now(), {
    sinceMs: lookout.system.startedAt,
    instance: instanceOf(lookout.env.externalUrl),
  }),
}));
