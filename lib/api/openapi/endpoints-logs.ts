import { enumParam, sourceNameParam } from '@/lib/api/query-schemas';
import { logSourceSchema } from '@/lib/ingest/source-schema';
import { ERROR_GROUPS, REQUEST_GROUPS } from '@/lib/stats/groups';
import { MAX_INGEST_BYTES } from '@/lib/api/read-body';
import { idPath, logSearch, range, statsFilters, withCursor, withLimit, withStep } from './params';
import { dataOf, listOf } from './shapes-common';
import {
  errorCountsShape, ingestResultShape, latencyShape, logHistogramShape, logPageShape, modelUsageShape, providerUsageShape,
  requestSeriesShape, sourceShape, summaryShape,
} from './shapes-logs';
import { defineEndpoint } from './types';

const stats = { ...range, ...statsFilters };
const S = '/api/v1/stats';

export const logEndpoints = {
  searchLogs: defineEndpoint({
    method: 'GET', path: '/api/v1/logs', operationId: 'searchLogs', summary: 'Matching log lines, newest first, paged by cursor', tag: 'logs', access: 'read',
    query: { ...logSearch, ...withLimit(1_000, 100), ...withCursor }, response: logPageShape,
  }),
  ingestLogs: defineEndpoint({
    method: 'POST', path: '/api/v1/logs', operationId: 'ingestLogs', summary: 'Ingests NDJSON, plain lines or a JSON array; answered once stored', tag: 'logs', access: 'ingest',
    query: { source: sourceNameParam },
    rawBody: { contentTypes: ['application/x-ndjson', 'text/plain', 'application/json'], description: `At most ${MAX_INGEST_BYTES / 1048576} MiB (larger: 413); blank lines are skipped.` },
    response: ingestResultShape,
  }),
  getLogHistogram: defineEndpoint({ method: 'GET', path: '/api/v1/logs/histogram', operationId: 'getLogHistogram', summary: 'Matching lines per step', tag: 'logs', access: 'read', query: { ...logSearch, ...withStep }, response: logHistogramShape }),
  listSources: defineEndpoint({ method: 'GET', path: '/api/v1/sources', operationId: 'listSources', summary: 'Log sources with counts, rejects, lag and file status', tag: 'logs', access: 'read', response: listOf(sourceShape) }),
  createSource: defineEndpoint({
    method: 'POST', path: '/api/v1/sources', operationId: 'createSource', summary: 'Tails a file, like a provisioning logs: entry', tag: 'logs', access: 'admin',
    body: logSourceSchema, status: 201, response: dataOf(sourceShape),
  }),
  deleteSource: defineEndpoint({ method: 'DELETE', path: '/api/v1/sources/{id}', operationId: 'deleteSource', summary: 'Stops tailing; stored lines stay until retention', tag: 'logs', access: 'admin', pathParams: idPath, status: 204 }),
  getStatsSummary: defineEndpoint({ method: 'GET', path: `${S}/summary`, operationId: 'getStatsSummary', summary: 'Requests, errors, rate limits, latency percentiles, tokens', tag: 'stats', access: 'read', query: stats, response: summaryShape }),
  getStatsRequests: defineEndpoint({
    method: 'GET', path: `${S}/requests`, operationId: 'getStatsRequests', summary: 'Request counts per step, one series per key', tag: 'stats', access: 'read',
    query: { ...stats, ...withStep, by: enumParam(REQUEST_GROUPS, 'provider').default('provider') }, response: requestSeriesShape,
  }),
  getStatsErrors: defineEndpoint({
    method: 'GET', path: `${S}/errors`, operationId: 'getStatsErrors', summary: 'Failed requests by status, provider or source; problem lines by level', tag: 'stats', access: 'read',
    query: { ...stats, by: enumParam(ERROR_GROUPS, 'status').default('status') }, response: errorCountsShape,
  }),
  getStatsLatency: defineEndpoint({ method: 'GET', path: `${S}/latency`, operationId: 'getStatsLatency', summary: 'Latency histogram (per-bucket counts) and p50/p95/p99', tag: 'stats', access: 'read', query: stats, response: latencyShape }),
  getStatsProviders: defineEndpoint({ method: 'GET', path: `${S}/providers`, operationId: 'getStatsProviders', summary: 'Usage per provider', tag: 'stats', access: 'read', query: stats, response: listOf(providerUsageShape) }),
  getStatsModels: defineEndpoint({ method: 'GET', path: `${S}/models`, operationId: 'getStatsModels', summary: 'Usage per provider and model', tag: 'stats', access: 'read', query: stats, response: listOf(modelUsageShape) }),
};
