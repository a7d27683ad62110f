import { MAX_OTLP_BYTES } from '@/lib/otlp/read-request';
import { range, withStep } from './params';
import { claudeCodeUsageShape, otlpExportShape } from './shapes-logs';
import { defineEndpoint } from './types';

const otlpBody = (what: string) => ({
  contentTypes: ['application/x-protobuf', 'application/json'],
  description: `An OTLP ${what} in protobuf or JSON, optionally gzip (\`Content-Encoding: gzip\`), at most ${MAX_OTLP_BYTES / 1048576} MiB before and after inflating (larger: 413). Errors are google.rpc.Status in the request's encoding: 400 bad data, 413, 415 another content type, 503 retry.`,
});

const logs = {
  method: 'POST',
  operationId: 'otlpLogs',
  summary: 'OTLP/HTTP logs; answered once stored, with partialSuccess for refused records',
  tag: 'otlp',
  access: 'ingest',
  rawBody: otlpBody('ExportLogsServiceRequest'),
  response: otlpExportShape,
} as const;

const metrics = {
  method: 'POST',
  operationId: 'otlpMetrics',
  summary: 'OTLP/HTTP metrics: sums, gauges and histograms become series; answered once stored',
  tag: 'otlp',
  access: 'ingest',
  rawBody: otlpBody('ExportMetricsServiceRequest'),
  response: otlpExportShape,
} as const;

export const otlpEndpoints = {
  otlpLogs: defineEndpoint({ ...logs, path: '/v1/logs' }),
  otlpLogsUnderApi: defineEndpoint({ ...logs, path: '/api/v1/otlp/v1/logs', operationId: 'otlpLogsUnderApi' }),
  otlpMetrics: defineEndpoint({ ...metrics, path: '/v1/metrics' }),
  otlpMetricsUnderApi: defineEndpoint({
    ...metrics,
    path: '/api/v1/otlp/v1/metrics',
    operationId: 'otlpMetricsUnderApi',
  }),
  lokiPush: defineEndpoint({
    method: 'POST',
    path: '/loki/api/v1/push',
    operationId: 'lokiPush',
    summary: 'Loki push (JSON or snappy protobuf): entries become lines of the source named by `job`; 204 once stored',
    tag: 'loki',
    access: 'ingest',
    rawBody: {
      contentTypes: ['application/json', 'application/x-protobuf'],
      description: `Loki's push body: JSON (optionally gzip) or snappy-compressed protobuf, at most ${MAX_OTLP_BYTES / 1048576} MiB before and after decompressing (larger: 413). Errors are text, as Loki's: 400 bad data or refused entries (the others are stored), 415 another content type.`,
    },
    status: 204,
  }),
  getClaudeCodeUsage: defineEndpoint({
    method: 'GET',
    path: '/api/v1/usage/claude-code',
    operationId: 'getClaudeCodeUsage',
    summary: "Claude Code's tokens and cost from its OTLP metrics, over time and per user and model",
    tag: 'otlp',
    access: 'read',
    query: { ...range, ...withStep },
    response: claudeCodeUsageShape,
  }),
};
