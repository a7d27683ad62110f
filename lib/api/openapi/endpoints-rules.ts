import { z } from 'zod';
import { uiRulePatchSchema, uiRuleSchema } from '@/lib/rules/ui-rule-schema';
import { range } from './params';
import { alertHistoryShape, uiRuleShape } from './shapes-alerting';
import { dataOf, listOf } from './shapes-common';
import { defineEndpoint } from './types';

const tag = 'alerting';
const ruleRef = { id: z.string().min(1).meta({ description: 'a rule made in /alerts: its numeric id or its name' }) };

/** Rules made in /alerts (stored in the database, exported as a Prometheus rule file) and the alert history. */
export const ruleEndpoints = {
  createRule: defineEndpoint({
    method: 'POST',
    path: '/api/v1/rules',
    operationId: 'createRule',
    summary: 'Adds an alerting rule in rule-file form',
    tag,
    access: 'admin',
    body: uiRuleSchema,
    status: 201,
    response: dataOf(uiRuleShape),
  }),
  exportRules: defineEndpoint({
    method: 'GET',
    path: '/api/v1/rules/export',
    operationId: 'exportRules',
    summary: 'The rules made in /alerts and the SLOs’ burn-rate rules as a Prometheus rule file (YAML)',
    tag,
    access: 'read',
    produces: 'application/yaml',
    response: z.string(),
  }),
  getRule: defineEndpoint({
    method: 'GET',
    path: '/api/v1/rules/{id}',
    operationId: 'getRule',
    summary: 'One rule made in /alerts; a rule-file rule is 409',
    tag,
    access: 'read',
    pathParams: ruleRef,
    response: dataOf(uiRuleShape),
  }),
  replaceRule: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/rules/{id}',
    operationId: 'replaceRule',
    summary: 'Replaces a rule made in /alerts',
    tag,
    access: 'admin',
    pathParams: ruleRef,
    body: uiRuleSchema,
    response: dataOf(uiRuleShape),
  }),
  patchRule: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/rules/{id}',
    operationId: 'patchRule',
    summary: 'Changes the fields sent; the merged rule is checked as a whole',
    tag,
    access: 'admin',
    pathParams: ruleRef,
    body: uiRulePatchSchema,
    response: dataOf(uiRuleShape),
  }),
  deleteRule: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/rules/{id}',
    operationId: 'deleteRule',
    summary: 'Deletes the rule; its alerts resolve at the next evaluation',
    tag,
    access: 'admin',
    pathParams: ruleRef,
    status: 204,
  }),
  getAlertHistory: defineEndpoint({
    method: 'GET',
    path: '/api/v1/alerts/history',
    operationId: 'getAlertHistory',
    summary: 'Pending and firing periods of each alert in the range',
    tag,
    access: 'read',
    query: range,
    response: listOf(alertHistoryShape),
  }),
};
