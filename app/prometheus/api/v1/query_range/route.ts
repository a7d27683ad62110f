import { prometheusEndpoints as p } from '@/lib/api/openapi/endpoints-prometheus';
import { promAnswer, querySource } from '@/lib/api/prometheus/answer';
import { runRangeQuery } from '@/lib/api/prometheus/run-query';
import { route } from '@/lib/api/route';

// GET/POST /prometheus/api/v1/query_range — Prometheus range query over Lookout's series.
export const GET = route(p.queryRange, ({ lookout, req }) =>
  promAnswer(req, (params) => runRangeQuery(params, querySource(lookout))),
);
export const POST = route(p.queryRangePost, ({ lookout, req }) =>
  promAnswer(req, (params) => runRangeQuery(params, querySource(lookout))),
);
