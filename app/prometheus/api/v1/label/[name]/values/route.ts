import { prometheusEndpoints as p } from '@/lib/api/openapi/endpoints-prometheus';
import { promAnswer, querySource } from '@/lib/api/prometheus/answer';
import { labelValues } from '@/lib/api/prometheus/series-meta';
import { route } from '@/lib/api/route';

// GET /prometheus/api/v1/label/{name}/values — one label's values (`__name__`: metric names).
export const GET = route(p.labelValues, ({ lookout, req, params: path }) =>
  promAnswer(req, (params) => labelValues(path.name ?? '', params, querySource(lookout), lookout.clock.now())),
);
