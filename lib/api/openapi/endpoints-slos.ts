import { z } from 'zod';
import { sloInputSchema } from '@/lib/slo/slo-schema';
import { dataOf, listOf } from './shapes-common';
import { sloShape } from './shapes-slos';
import { defineEndpoint } from './types';

const tag = 'slos';
const sloRef = { id: z.string().min(1).meta({ description: 'the SLO’s numeric id or its name' }) };

/** Service level objectives with their error budgets, burn rates and generated burn-rate alerts. */
export const sloEndpoints = {
  listSlos: defineEndpoint({
    method: 'GET',
    path: '/api/v1/slos',
    operationId: 'listSlos',
    summary: 'Every SLO with its budget and burn rates now',
    tag,
    access: 'read',
    response: listOf(sloShape),
  }),
  createSlo: defineEndpoint({
    method: 'POST',
    path: '/api/v1/slos',
    operationId: 'createSlo',
    summary: 'Adds an SLO; its burn-rate alerts are evaluated from the next round',
    tag,
    access: 'admin',
    body: sloInputSchema,
    status: 201,
    response: dataOf(sloShape),
  }),
  getSlo: defineEndpoint({
    method: 'GET',
    path: '/api/v1/slos/{id}',
    operationId: 'getSlo',
    summary: 'One SLO with its budget, burn rates, forecast and burn-down',
    tag,
    access: 'read',
    pathParams: sloRef,
    response: dataOf(sloShape),
  }),
  replaceSlo: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/slos/{id}',
    operationId: 'replaceSlo',
    summary: 'Replaces an SLO made in Lookout; a provisioned one is 409',
    tag,
    access: 'admin',
    pathParams: sloRef,
    body: sloInputSchema,
    response: dataOf(sloShape),
  }),
  deleteSlo: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/slos/{id}',
    operationId: 'deleteSlo',
    summary: 'Deletes an SLO made in Lookout and its alerts; a provisioned one is 409',
    tag,
    access: 'admin',
    pathParams: sloRef,
    status: 204,
  }),
};
