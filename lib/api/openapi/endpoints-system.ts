import { z } from 'zod';
import { systemChartParam, systemStepParam } from '@/lib/api/system-params';
import { range } from './params';
import { dataOf } from './shapes-common';
import { systemSeriesShape, systemSnapshotShape } from './shapes-system';
import { defineEndpoint } from './types';

const tag = 'system';
export const systemEndpoints = {
  getHealth: defineEndpoint({
    method: 'GET',
    path: '/api/v1/health',
    operationId: 'getHealth',
    summary: 'Liveness; always open for load balancers and uptime checks',
    tag,
    access: 'open',
    response: z.looseObject({ status: z.literal('ok'), version: z.string() }),
  }),
  getOpenApi: defineEndpoint({
    method: 'GET',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This OpenAPI 3.1 document',
    tag,
    access: 'read',
    response: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }),
  }),
  reloadConfig: defineEndpoint({
    method: 'POST',
    path: '/api/v1/config/reload',
    operationId: 'reloadConfig',
    summary: 'Re-reads the provisioning file; a broken file changes nothing',
    tag,
    access: 'admin',
    response: dataOf(z.looseObject({ targets: z.number().int(), logs: z.number().int(), rules: z.number().int() })),
  }),
  getSystem: defineEndpoint({
    method: 'GET',
    path: '/api/v1/system',
    operationId: 'getSystem',
    summary: 'Latest sample of Lookout itself, watched processes, the host and tailed files',
    tag,
    access: 'read',
    response: systemSnapshotShape,
  }),
  getSystemSeries: defineEndpoint({
    method: 'GET',
    path: '/api/v1/system/series',
    operationId: 'getSystemSeries',
    summary: 'One /system chart as series',
    tag,
    access: 'read',
    query: { chart: systemChartParam, ...range, step: systemStepParam.optional() },
    response: systemSeriesShape,
  }),
  getMetrics: defineEndpoint({
    method: 'GET',
    path: '/metrics',
    operationId: 'getMetrics',
    summary: 'Prometheus text exposition of the derived series and of Lookout itself',
    tag,
    access: 'read',
    produces: 'text/plain; version=0.0.4',
    response: z.string(),
  }),
};
