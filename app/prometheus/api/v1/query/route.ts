import { prometheusEndpoints as p } from '@/lib/api/openapi/endpoints-prometheus';
import { promAnswer, querySource } from '@/lib/api/prometheus/answer';
import { runInstantQuery } from '@/lib/api/prometheus/run-query';
import { route } from '@/lib/api/route';

// GET/POST /prometheus/api/v1/query — Prometheus instant query over Lookout's series (Grafana, promtool).
export const GET = route(p.query, ({ lookout, req }) =>
  promAnswer(req, (params) => runInstantQuery(params, querySource(lookout), lookout.clock.now())),
);
export const POST = route(p.queryPost, ({ lookout, req }) =>
  promAnswer(req, (params) => runInstantQuery(params, querySource(lookout), lookout.clock.now())),
);
