import { z } from 'zod';
import { enumParam, textParam } from '@/lib/api/query-schemas';
import { budgetInputSchema } from '@/lib/llm/budget-schema';
import { priceInputSchema } from '@/lib/llm/price-schema';
import { COST_GROUPS } from '@/lib/queries/get-llm-cost';
import { range, statsFilters, withLimit } from './params';
import { dataOf, listOf } from './shapes-common';
import { budgetShape, clientRowShape, costAnswerShape, priceShape, unknownAnswerShape } from './shapes-llm';
import { defineEndpoint } from './types';

const tag = 'llm';
const L = '/api/v1/llm';
const costFilters = { ...range, ...statsFilters, client: textParam.optional() };
const budgetRef = { id: z.string().min(1).max(200).meta({ description: 'the budget’s numeric id or its name' }) };

/** LLM spend: cost per provider/model/client/day, who spent it, prices and budgets (docs/llm-cost.md). */
export const llmEndpoints = {
  getLlmCost: defineEndpoint({
    method: 'GET',
    path: `${L}/cost`,
    operationId: 'getLlmCost',
    summary: 'Cost and tokens grouped by provider, model, client, user or UTC day',
    tag,
    access: 'read',
    query: { ...costFilters, by: enumParam(COST_GROUPS, 'provider').optional() },
    response: costAnswerShape,
  }),
  getLlmClients: defineEndpoint({
    method: 'GET',
    path: `${L}/clients`,
    operationId: 'getLlmClients',
    summary: 'Top clients by cost, then tokens',
    tag,
    access: 'read',
    query: { ...costFilters, ...withLimit(500, 20) },
    response: listOf(clientRowShape),
  }),
  getLlmUnknown: defineEndpoint({
    method: 'GET',
    path: `${L}/unknown`,
    operationId: 'getLlmUnknown',
    summary: 'Models without a price and requests whose token counts were refused',
    tag,
    access: 'read',
    query: range,
    response: unknownAnswerShape,
  }),
  listLlmPrices: defineEndpoint({
    method: 'GET',
    path: `${L}/prices`,
    operationId: 'listLlmPrices',
    summary: 'The price table in force (USD per 1M tokens) with dates and sources',
    tag,
    access: 'read',
    response: z.looseObject({ currency: z.literal('USD'), data: z.array(priceShape) }),
  }),
  saveLlmPrice: defineEndpoint({
    method: 'POST',
    path: `${L}/prices`,
    operationId: 'saveLlmPrice',
    summary: 'Sets the price of a provider’s model; requests ingested from now on use it',
    tag,
    access: 'admin',
    body: priceInputSchema,
    response: dataOf(priceShape),
  }),
  deleteLlmPrice: defineEndpoint({
    method: 'DELETE',
    path: `${L}/prices`,
    operationId: 'deleteLlmPrice',
    summary: 'Removes a price set in Lookout; the shipped one, if any, applies again',
    tag,
    access: 'admin',
    query: { provider: textParam, model: textParam },
    status: 204,
  }),
  listLlmBudgets: defineEndpoint({
    method: 'GET',
    path: `${L}/budgets`,
    operationId: 'listLlmBudgets',
    summary: 'Every budget with spend so far, remaining and forecast to the period’s end',
    tag,
    access: 'read',
    response: listOf(budgetShape),
  }),
  createLlmBudget: defineEndpoint({
    method: 'POST',
    path: `${L}/budgets`,
    operationId: 'createLlmBudget',
    summary: 'Adds a budget; LLMBudgetForecastExceeded watches it from the next evaluation',
    tag,
    access: 'admin',
    body: budgetInputSchema,
    status: 201,
    response: dataOf(budgetShape),
  }),
  getLlmBudget: defineEndpoint({
    method: 'GET',
    path: `${L}/budgets/{id}`,
    operationId: 'getLlmBudget',
    summary: 'One budget with its spend and forecast',
    tag,
    access: 'read',
    pathParams: budgetRef,
    response: dataOf(budgetShape),
  }),
  replaceLlmBudget: defineEndpoint({
    method: 'PUT',
    path: `${L}/budgets/{id}`,
    operationId: 'replaceLlmBudget',
    summary: 'Replaces a budget made in Lookout; a provisioned one is 409',
    tag,
    access: 'admin',
    pathParams: budgetRef,
    body: budgetInputSchema,
    response: dataOf(budgetShape),
  }),
  deleteLlmBudget: defineEndpoint({
    method: 'DELETE',
    path: `${L}/budgets/{id}`,
    operationId: 'deleteLlmBudget',
    summary: 'Deletes a budget made in Lookout; a provisioned one is 409',
    tag,
    access: 'admin',
    pathParams: budgetRef,
    status: 204,
  }),
};
