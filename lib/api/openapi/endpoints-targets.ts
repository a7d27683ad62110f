import { targetInputSchema, targetPatchSchema } from '@/lib/config/target-schema';
import { idPath, range, withLimit } from './params';
import { dataOf, listOf } from './shapes-common';
import { bucketsShape, checkShape, gaugesShape, incidentShape, sparklinesShape, targetLatencyShape, targetShape } from './shapes-targets';
import { defineEndpoint } from './types';

const tag = 'targets';
const T = '/api/v1/targets';

export const targetEndpoints = {
  listTargets: defineEndpoint({ method: 'GET', path: T, operationId: 'listTargets', summary: 'Every target with status, uptime and latency', tag, access: 'read', response: listOf(targetShape) }),
  createTarget: defineEndpoint({
    method: 'POST', path: T, operationId: 'createTarget', summary: 'Adds a /health probe; the body is like a provisioning entry', tag, access: 'admin',
    body: targetInputSchema, status: 201, response: dataOf(targetShape),
  }),
  getTargetSparklines: defineEndpoint({ method: 'GET', path: `${T}/sparklines`, operationId: 'getTargetSparklines', summary: 'Per-minute latency of every target (at most 24 h)', tag, access: 'read', query: range, response: sparklinesShape }),
  getTarget: defineEndpoint({ method: 'GET', path: `${T}/{id}`, operationId: 'getTarget', summary: 'One target', tag, access: 'read', pathParams: idPath, response: dataOf(targetShape) }),
  updateTarget: defineEndpoint({
    method: 'PATCH', path: `${T}/{id}`, operationId: 'updateTarget', summary: 'Changes any subset of the provisioning fields', tag, access: 'admin',
    pathParams: idPath, body: targetPatchSchema, response: dataOf(targetShape),
  }),
  deleteTarget: defineEndpoint({ method: 'DELETE', path: `${T}/{id}`, operationId: 'deleteTarget', summary: 'Deletes the target and its history', tag, access: 'admin', pathParams: idPath, status: 204 }),
  listChecks: defineEndpoint({
    method: 'GET', path: `${T}/{id}/checks`, operationId: 'listChecks', summary: 'Checks of a target, newest first', tag, access: 'read',
    pathParams: idPath, query: { ...range, ...withLimit(10_000, 100) }, response: listOf(checkShape),
  }),
  listIncidents: defineEndpoint({
    method: 'GET', path: `${T}/{id}/incidents`, operationId: 'listIncidents', summary: 'Down periods with their reason (end null while down)', tag, access: 'read',
    pathParams: idPath, query: range, response: listOf(incidentShape),
  }),
  getTargetBuckets: defineEndpoint({ method: 'GET', path: `${T}/{id}/buckets`, operationId: 'getTargetBuckets', summary: 'Checks and uptime per bucket, for the status bar', tag, access: 'read', pathParams: idPath, query: range, response: bucketsShape }),
  getTargetLatency: defineEndpoint({ method: 'GET', path: `${T}/{id}/latency`, operationId: 'getTargetLatency', summary: 'p50/p95 probe latency per bucket', tag, access: 'read', pathParams: idPath, query: range, response: targetLatencyShape }),
  getTargetGauges: defineEndpoint({
    method: 'GET', path: `${T}/{id}/gauges`, operationId: 'getTargetGauges', summary: 'Numeric fields of the probe body per check (last 2,000 checks)', tag, access: 'read',
    pathParams: idPath, query: range, response: gaugesShape,
  }),
};
