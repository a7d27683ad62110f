import { prometheusEndpoints as p } from '@/lib/api/openapi/endpoints-prometheus';
import { promAnswer, querySource } from '@/lib/api/prometheus/answer';
import { labelNames } from '@/lib/api/prometheus/series-meta';
import { route } from '@/lib/api/route';

// GET/POST /prometheus/api/v1/labels — label names, for Grafana's query editor.
export const GET = route(p.labels, ({ lookout, req }) =>
  promAnswer(req, (params) => labelNames(params, querySource(lookout), lookout.clock.now())),
);
export const POST = route(p.labelsPost, ({ lookout, req }) =>
  promAnswer(req, (params) => labelNames(params, querySource(lookout), lookout.clock.now())),
);
