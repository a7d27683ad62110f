import type { Db } from '@/lib/db/connection';

/** Whether there is LLM spend to watch: a budget, or priced requests seen (the shipped cost rules need one). */
export function hasLlmSpend(db: Db): boolean {
  const row = db
    .prepare(
      'SELECT EXISTS (SELECT 1 FROM llm_budgets) OR EXISTS (SELECT 1 FROM llm_cost_rollups WHERE priced > 0) AS yes',
    )
    .get() as { yes: number };
  return row.yes === 1;
}
