import { z } from 'zod';
import { rulePreviewSchema } from '@/lib/api/rule-preview-schema';
import { silenceInputSchema } from '@/lib/api/silence-schema';
import { range, withLimit } from './params';
import {
  alertShape,
  notificationShape,
  previewShape,
  ruleGroupsShape,
  silenceShape,
  testNotificationShape,
} from './shapes-alerting';
import { dataOf, listOf } from './shapes-common';
import { defineEndpoint } from './types';

const tag = 'alerting';

export const alertingEndpoints = {
  listRules: defineEndpoint({
    method: 'GET',
    path: '/api/v1/rules',
    operationId: 'listRules',
    summary: 'Rule groups with state, health and last evaluation',
    tag,
    access: 'read',
    response: ruleGroupsShape,
  }),
  previewExpression: defineEndpoint({
    method: 'POST',
    path: '/api/v1/rules/preview',
    operationId: 'previewExpression',
    summary: 'Evaluates a PromQL expression now, for the rule editor',
    tag,
    access: 'read',
    body: rulePreviewSchema,
    response: dataOf(previewShape),
  }),
  listAlerts: defineEndpoint({
    method: 'GET',
    path: '/api/v1/alerts',
    operationId: 'listAlerts',
    summary: 'Pending and firing alerts',
    tag,
    access: 'read',
    response: listOf(alertShape),
  }),
  listSilences: defineEndpoint({
    method: 'GET',
    path: '/api/v1/silences',
    operationId: 'listSilences',
    summary: 'Every silence with its status',
    tag,
    access: 'read',
    response: listOf(silenceShape),
  }),
  createSilence: defineEndpoint({
    method: 'POST',
    path: '/api/v1/silences',
    operationId: 'createSilence',
    summary: "Silences alerts; matchers as in Alertmanager's API",
    tag,
    access: 'admin',
    body: silenceInputSchema,
    status: 201,
    response: dataOf(silenceShape),
  }),
  expireSilence: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/silences/{id}',
    operationId: 'expireSilence',
    summary: 'Expires the silence now',
    tag,
    access: 'admin',
    pathParams: {
      id: z
        .string()
        .regex(/^[0-9a-f-]{36}$/i, { error: 'not a silence id.' })
        .meta({ description: 'silence id (UUID)' }),
    },
    status: 204,
  }),
  listNotifications: defineEndpoint({
    method: 'GET',
    path: '/api/v1/notifications',
    operationId: 'listNotifications',
    summary: 'The notification log, newest first (default: last 24 h)',
    tag,
    access: 'read',
    query: { ...range, ...withLimit(1_000, 200) },
    response: listOf(notificationShape),
  }),
  testReceiver: defineEndpoint({
    method: 'POST',
    path: '/api/v1/receivers/{name}/test',
    operationId: 'testReceiver',
    summary: "Sends a test alert through each of the receiver's integrations",
    tag,
    access: 'admin',
    pathParams: { name: z.string().meta({ description: 'receiver name from the alerting configuration' }) },
    response: listOf(testNotificationShape),
  }),
};
