import { llmEndpoints } from '@/lib/api/openapi/endpoints-llm';
import { route } from '@/lib/api/route';
import { removeBudget, replaceBudget, resolveBudget } from '@/lib/llm/budget-service';
import { getBudgetStatus } from '@/lib/queries/get-budget-status';

// GET /api/v1/llm/budgets/{id} — one budget (by number or name) with its forecast.
export const GET = route(llmEndpoints.getLlmBudget, ({ lookout, params }) => ({
  data: getBudgetStatus(lookout.readDb, resolveBudget(lookout.readDb, params.id), lookout.clock.now()),
}));

// PUT /api/v1/llm/budgets/{id} — replaces a budget made in Lookout.
export const PUT = route(llmEndpoints.replaceLlmBudget, ({ lookout, params, body }) => {
  const now = lookout.clock.now();
  return { data: getBudgetStatus(lookout.db, replaceBudget(lookout.db, params.id, body, now), now) };
});

// DELETE /api/v1/llm/budgets/{id} — its alerts resolve at the next evaluation.
export const DELETE = route(llmEndpoints.deleteLlmBudget, ({ lookout, params }) => {
  removeBudget(lookout.db, params.id);
  lookout.alerts.reloadUiRules();
});
