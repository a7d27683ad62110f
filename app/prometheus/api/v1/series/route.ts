import { prometheusEndpoints as p } from '@/lib/api/openapi/endpoints-prometheus';
import { promAnswer, querySource } from '@/lib/api/prometheus/answer';
import { findSeries } from '@/lib/api/prometheus/series-meta';
import { route } from '@/lib/api/route';

// GET/POST /prometheus/api/v1/series — label sets of the series that match[] selects.
export const GET = route(p.series, ({ lookout, req }) =>
  promAnswer(req, (params) => findSeries(params, querySource(lookout), lookout.clock.now())),
);
export const POST = route(p.seriesPost, ({ lookout, req }) =>
  promAnswer(req, (params) => findSeries(params, querySource(lookout), lookout.clock.now())),
);
