import { alertingEndpoints } from './endpoints-alerting';
import { authEndpoints } from './endpoints-auth';
import { elasticsearchEndpoints } from './endpoints-elasticsearch';
import { heartbeatEndpoints } from './endpoints-heartbeats';
import { llmEndpoints } from './endpoints-llm';
import { logDetailEndpoints } from './endpoints-log-detail';
import { logEndpoints } from './endpoints-logs';
import { maintenanceEndpoints } from './endpoints-maintenance';
import { otlpEndpoints } from './endpoints-otlp';
import { prometheusEndpoints } from './endpoints-prometheus';
import { providerHealthEndpoints } from './endpoints-provider-health';
import { ruleEndpoints } from './endpoints-rules';
import { sloEndpoints } from './endpoints-slos';
import { statusEndpoints } from './endpoints-status';
import { systemEndpoints } from './endpoints-system';
import { targetEndpoints } from './endpoints-targets';
import type { Endpoint } from './types';

/** Every operation of the API; test/api/openapi.test.ts fails when a route file has a method missing here. */
export const ENDPOINTS: Endpoint[] = [
  systemEndpoints,
  authEndpoints,
  targetEndpoints,
  logEndpoints,
  alertingEndpoints,
  ruleEndpoints,
  sloEndpoints,
  statusEndpoints,
  logDetailEndpoints,
  maintenanceEndpoints,
  heartbeatEndpoints,
  prometheusEndpoints,
  otlpEndpoints,
  elasticsearchEndpoints,
  providerHealthEndpoints,
  llmEndpoints,
].flatMap((group) => Object.values(group) as Endpoint[]);
