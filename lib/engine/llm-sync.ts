import type { Provisioning } from '@/lib/config/provisioning';
import type { Db } from '@/lib/db/connection';
import { syncProvisionedBudgets } from '@/lib/llm/budget-store';
import { llmListsOf } from '@/lib/llm/llm-config';
import { syncProvisionedPrices } from '@/lib/llm/price-store';

/** Applies the file's prices and budgets (docs/llm-cost.md#provisioning). */
export function syncProvisionedLlm(db: Db, config: Provisioning, now: number): void {
  const { prices, budgets } = llmListsOf(config);
  syncProvisionedPrices(db, prices, now);
  syncProvisionedBudgets(db, budgets, now);
}
