import { ingestOtlpLogs } from '@/lib/otlp/ingest-logs';
import { ingestOtlpMetrics } from '@/lib/otlp/ingest-metrics';
import { LogsRequest, LogsResponse, MetricsRequest, MetricsResponse } from '@/lib/otlp/proto';
import { readOtlpRequest } from '@/lib/otlp/read-request';
import type { otlpEndpoints } from './openapi/endpoints-otlp';
import { otlpAnswer, serveOtlp } from './otlp';
import { route } from './route';

type Endpoints = typeof otlpEndpoints;

/** POST of OTLP/HTTP logs (protobuf or JSON), answered after the commit; served at two paths. */
export const otlpLogsRoute = (endpoint: Endpoints['otlpLogs'] | Endpoints['otlpLogsUnderApi']) =>
  route(endpoint, ({ lookout, req }) =>
    serveOtlp(req, async () => {
      const { encoding, message } = await readOtlpRequest(req, LogsRequest);
      const { rejected, errorMessage } = await ingestOtlpLogs(
        lookout.ingest,
        message,
        encoding === 'protobuf',
        lookout.clock.now(),
      );
      const partial = rejected ? { partialSuccess: { rejectedLogRecords: String(rejected), errorMessage } } : {};
      return otlpAnswer(encoding, LogsResponse, partial);
    }),
  );

/** POST of OTLP/HTTP metrics: the request's samples commit in one transaction before the answer. */
export const otlpMetricsRoute = (endpoint: Endpoints['otlpMetrics'] | Endpoints['otlpMetricsUnderApi']) =>
  route(endpoint, ({ lookout, req }) =>
    serveOtlp(req, async () => {
      const { encoding, message } = await readOtlpRequest(req, MetricsRequest);
      const { rejected, errorMessage } = ingestOtlpMetrics(lookout.db, message, lookout.clock.now());
      const partial = rejected ? { partialSuccess: { rejectedDataPoints: String(rejected), errorMessage } } : {};
      return otlpAnswer(encoding, MetricsResponse, partial);
    }),
  );
