'use client';
import { mutate } from 'swr';
import type { BudgetInput } from '@/lib/llm/budget-schema';
import type { PriceInput } from '@/lib/llm/price-schema';
import { sendJson } from './send-json';

const revalidate = () => mutate((key) => typeof key === 'string' && key.startsWith('/api/v1/llm/'));

/** POST /api/v1/llm/budgets; rejects with ApiFailure (400 naming the field, 409 for a taken name). */
export async function createBudget(input: BudgetInput): Promise<void> {
  await sendJson('POST', '/api/v1/llm/budgets', input);
  await revalidate();
}

/** DELETE /api/v1/llm/budgets/{id}. */
export async function deleteBudget(id: number): Promise<void> {
  await sendJson('DELETE', `/api/v1/llm/budgets/${id}`);
  await revalidate();
}

/** POST /api/v1/llm/prices. */
export async function savePrice(input: PriceInput): Promise<void> {
  await sendJson('POST', '/api/v1/llm/prices', input);
  await revalidate();
}

/** DELETE /api/v1/llm/prices?provider&model. */
export async function deletePrice(provider: string, model: string): Promise<void> {
  await sendJson('DELETE', `/api/v1/llm/prices?${new URLSearchParams({ provider, model })}`);
  await revalidate();
}
