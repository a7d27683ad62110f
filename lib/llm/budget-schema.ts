import { z } from 'zod';
import { parseDuration } from '@/lib/config/duration';

export const BUDGET_PERIODS = ['day', 'week', 'month'] as const;
/** Rolling windows: the issue's day, 7 days and month are 24h, 7d, 30d; any duration from 1h to 31d is taken. */
export const MIN_WINDOW_MS = 3_600_000;
export const MAX_WINDOW_MS = 31 * 86_400_000;

const optionalName = z.string().trim().min(1).max(200).optional();

const windowText = z
  .string()
  .trim()
  .refine((s) => {
    const ms = parseDuration(s);
    return ms !== null && ms >= MIN_WINDOW_MS && ms <= MAX_WINDOW_MS;
  }, 'window must be a duration from 1h to 31d, such as 24h, 7d or 30d (the spend of the last 24 h, 7 d, 30 d)')
  .meta({ description: 'a rolling window ending now, e.g. 24h, 7d, 30d; give it or period, not both' });

/** A spend budget as provisioning (`llm.budgets`), /settings and the API take it (docs/llm-cost.md#budgets). */
export const budgetInputSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, 'name is required')
      .max(100)
      .regex(/^[A-Za-z0-9_.:-]+$/, 'name may hold letters, digits and _ . : - only'),
    provider: optionalName,
    model: optionalName,
    client: optionalName,
    window: windowText.optional(),
    period: z
      .enum(BUDGET_PERIODS, { message: 'period must be day, week (7 days from Monday) or month (UTC)' })
      .optional()
      .meta({ description: 'a UTC calendar period instead of a rolling window' }),
    limit_usd: z
      .number({ message: 'limit_usd must be a number of US dollars' })
      .finite()
      .positive('limit_usd must be above 0')
      .max(10_000_000, 'limit_usd above 10,000,000 is not a budget'),
  })
  .superRefine((b, ctx) => {
    if ((b.window === undefined) === (b.period === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['window'],
        message:
          b.window === undefined
            ? 'window is required: a rolling window such as 24h, 7d or 30d (or a calendar period: day, week, month)'
            : 'give window (rolling) or period (calendar), not both',
      });
  });

export type BudgetInput = z.infer<typeof budgetInputSchema>;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/** The window as a Prometheus duration: hours up to 48h (`24h`), whole days beyond (`7d`, `30d`). */
export function windowLabel(ms: number): string {
  if (ms > 48 * 3_600_000 && ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  return `${Math.round(ms / 60_000)}m`;
}
