import { z } from 'zod';

const perMillion = (what: string) =>
  z
    .number({ message: `${what} must be a number (USD per 1M tokens)` })
    .finite()
    .min(0, `${what} cannot be negative`)
    .max(1000, `${what} above 1000 USD per 1M tokens is not a real price; check the unit (per 1M tokens)`);

/** One price as provisioning (`llm.prices`), /settings and the API take it; USD per 1M tokens. */
export const priceInputSchema = z.strictObject({
  provider: z.string().trim().min(1, 'provider is required').max(100),
  model: z.string().trim().min(1, 'model is required (`*` for every model of the provider)').max(200),
  input: perMillion('input'),
  output: perMillion('output'),
  cached_input: perMillion('cached_input').optional(),
  per_request: z.number().finite().min(0, 'per_request cannot be negative').max(10).optional(),
  per_hour: z.number().finite().min(0, 'per_hour cannot be negative').max(1000).optional(),
});

export type PriceInput = z.infer<typeof priceInputSchema>;

/** Only USD: there is no exchange rate to trust (docs/llm-cost.md#currency). */
export const currencySchema = z.literal('USD', {
  message: 'only USD is supported: prices and budgets are in US dollars (docs/llm-cost.md#currency)',
});
