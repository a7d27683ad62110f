import { IngestUnavailable } from '@/lib/ingest/worker/ingest-client';
import { ingestLokiPush } from '@/lib/loki/ingest-push';
import { LokiError } from '@/lib/loki/push-to-lines';
import { readLokiPush } from '@/lib/loki/read-push';
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

/** POST /loki/api/v1/push: 204 once stored; Loki's own text errors (400, 413, 415). */
export const lokiPushRoute = (endpoint: Endpoints['lokiPush']) =>
  route(endpoint, async ({ lookout, req }) => {
    const text = (status: number, message: string) =>
      new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    try {
      const refused = await ingestLokiPush(lookout.ingest, await readLokiPush(req), lookout.clock.now());
      return refused ? text(400, refused) : new Response(null, { status: 204 });
    } catch (err) {
      if (err instanceof LokiError) return text(err.status, err.message);
      if (err instanceof IngestUnavailable) return text(503, `${err.message}; nothing of this push was stored, retry`);
      throw err;
    }
  });
