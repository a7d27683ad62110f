import { prometheusEndpoints as p } from '@/lib/api/openapi/endpoints-prometheus';
import { promAnswer } from '@/lib/api/prometheus/answer';
import { route } from '@/lib/api/route';

// GET /prometheus/api/v1/status/buildinfo — what Grafana reads when it saves the data source.
export const GET = route(p.buildInfo, ({ lookout, req }) =>
  promAnswer(req, () => ({
    version: lookout.version,
    revision: '',
    branch: '',
    buildUser: 'lookout',
    buildDate: '',
    goVersion: 'none',
  })),
);
