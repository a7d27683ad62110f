import { ingestOtlpLogs } from '@/lib/otlp/ingest-logs';
import { LogsRequest, LogsResponse } from '@/lib/otlp/proto';
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
