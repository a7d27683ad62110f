import { llmEndpoints } from '@/lib/api/openapi/endpoints-llm';
import { route } from '@/lib/api/route';
import { createBudget } from '@/lib/llm/budget-service';
import { readBudgets } from '@/lib/llm/budget-store';
import { getBudgetStatus } from '@/lib/queries/get-budget-status';

// GET /api/v1/llm/budgets — every budget with spend so far, remaining and forecast.
export const GET = route(llmEndpoints.listLlmBudgets, ({ lookout }) => {
  const now = lookout.clock.now();
  return { data: readBudgets(lookout.readDb).map((b) => getBudgetStatus(lookout.readDb, b, now)) };
});

// POST /api/v1/llm/budgets — {name, provider?, model?, client?, period, limit_usd}.
export const POST = route(llmEndpoints.createLlmBudget, ({ lookout, body }) => {
  const now = lookout.clock.now();
  const budget = createBudget(lookout.db, body, now);
  lookout.alerts.reloadUiRules(); // the first budget brings the shipped LLM cost rules (docs/llm-cost.md)
  return { data: getBudgetStatus(lookout.db, budget, now) };
});
