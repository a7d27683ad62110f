import { z } from 'zod';

export const BUDGET_PERIODS = ['day', 'week', 'month'] as const;

const optionalName = z.string().trim().min(1).max(200).optional();

/** A spend budget as provisioning (`llm.budgets`), /settings and the API take it (docs/llm-cost.md#budgets). */
export const budgetInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'name is required')
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'name may hold letters, digits and _ . : - only'),
  provider: optionalName,
  model: optionalName,
  client: optionalName,
  period: z.enum(BUDGET_PERIODS, { message: 'period must be day, week (7 days from Monday) or month (UTC)' }),
  limit_usd: z
    .number({ message: 'limit_usd must be a number of US dollars' })
    .finite()
    .positive('limit_usd must be above 0')
    .max(10_000_000, 'limit_usd above 10,000,000 is not a budget'),
});

export type BudgetInput = z.infer<typeof budgetInputSchema>;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];
