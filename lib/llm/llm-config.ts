import { z } from 'zod';
import { budgetInputSchema } from './budget-schema';
import { currencySchema, priceInputSchema } from './price-schema';

/** The provisioning file's `llm:` (docs/llm-cost.md); the contract's top-level `prices:`/`budgets:` are the same lists. */
export const llmConfigSchema = z.strictObject({
  currency: currencySchema.optional(),
  prices: z.array(priceInputSchema).max(1000).optional(),
  budgets: z.array(budgetInputSchema).max(200).optional(),
});

export type LlmConfig = z.infer<typeof llmConfigSchema>;

/** `llm.prices` and `llm.budgets` together with the top-level `prices:` and `budgets:`. */
export function llmListsOf(c: {
  llm?: LlmConfig;
  prices?: LlmConfig['prices'];
  budgets?: LlmConfig['budgets'];
}): Required<Pick<LlmConfig, 'prices' | 'budgets'>> {
  return {
    prices: [...(c.prices ?? []), ...(c.llm?.prices ?? [])],
    budgets: [...(c.budgets ?? []), ...(c.llm?.budgets ?? [])],
  };
}
