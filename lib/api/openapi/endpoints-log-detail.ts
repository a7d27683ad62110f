import { idPath, range, statsFilters, withLimit } from './params';
import { dataOf, listOf } from './shapes-common';
import { routeUsageShape, sourceDetectionShape } from './shapes-log-detail';
import { defineEndpoint } from './types';

export const logDetailEndpoints = {
  getStatsRoutes: defineEndpoint({
    method: 'GET',
    path: '/api/v1/stats/routes',
    operationId: 'getStatsRoutes',
    summary: 'Requests, error rate and latency per route (templated path) and method, busiest first',
    tag: 'stats',
    access: 'read',
    query: { ...range, ...statsFilters, ...withLimit(1_000, 100) },
    response: listOf(routeUsageShape),
  }),
  getSourceDetection: defineEndpoint({
    method: 'GET',
    path: '/api/v1/sources/{id}/detection',
    operationId: 'getSourceDetection',
    summary: "What detection made of a source's latest lines; lines whose time fell back to the time received",
    tag: 'logs',
    access: 'read',
    pathParams: idPath,
    response: dataOf(sourceDetectionShape),
  }),
};
