import { z } from 'zod';
import { BUDGET_PERIODS } from '@/lib/llm/budget-schema';
import { count, iso } from './shapes-common';

const usd = z.number().meta({ description: 'US dollars' });

const costFields = {
  requests: count.meta({ description: 'answered requests with tokens' }),
  input_tokens: count,
  output_tokens: count,
  cost_usd: usd.nullable().meta({ description: 'null ("unknown") when no request of the row had a price' }),
  unknown_requests: count.meta({ description: 'requests of a model without a price: not in cost_usd' }),
  input_only_requests: count.meta({
    description: 'requests from a format that logs no output tokens (CCProxy v1): priced for input only',
  }),
};

export const costRowShape = z.looseObject({
  key: z.string().meta({ description: 'provider, provider/model, client, user or UTC day (YYYY-MM-DD); "" unknown' }),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  ...costFields,
});

export const costAnswerShape = z.looseObject({ data: z.array(costRowShape), totals: z.looseObject(costFields) });

export const clientRowShape = z.looseObject({
  client: z.string().nullable().meta({ description: 'client label; null for requests no mapping attributed' }),
  users: z.array(z.string()),
  top_model: z.string().nullable(),
  share: z.number().nullable().meta({ description: 'percent of the priced spend' }),
  ...costFields,
});

export const unknownAnswerShape = z.looseObject({
  unknown_models: z.array(
    z.looseObject({ provider: z.string().nullable(), model: z.string().nullable(), requests: count }),
  ),
  rejected: z.array(z.looseObject({ source: z.string(), reason: z.string(), count, last_at: iso })),
});

export const priceShape = z.looseObject({
  provider: z.string(),
  model: z.string(),
  input: usd.meta({ description: 'USD per 1M input tokens' }),
  output: usd.meta({ description: 'USD per 1M output tokens' }),
  cached_input: usd.nullable(),
  per_request: usd.nullable(),
  per_hour: usd.nullable(),
  origin: z.enum(['shipped', 'file', 'settings']),
  taken: z.string().nullable().meta({ description: 'date the price was taken or last set (YYYY-MM-DD)' }),
  sources: z.array(z.string()),
});

export const budgetShape = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  client: z.string().nullable(),
  kind: z.enum(['rolling', 'calendar']),
  window: z.string().nullable().meta({ description: 'a rolling budget’s window (24h, 7d, 30d …); null for calendar' }),
  window_ms: z.number().int().nullable(),
  period: z.enum(BUDGET_PERIODS).nullable().meta({ description: 'a calendar budget’s UTC period; null for rolling' }),
  limit_usd: usd,
  provisioned: z.boolean(),
  period_start: iso.meta({ description: 'start of what is counted: the period’s start, or now − window' }),
  period_end: iso.meta({ description: 'the calendar period’s end, or now for a rolling window' }),
  forecast_at: iso.meta({ description: 'the instant the forecast is for: the period’s end, or now + window/4' }),
  spent_usd: usd,
  remaining_usd: usd,
  forecast_usd: usd.meta({
    description:
      "calendar: spend so far + the last hour's rate to the period's end; rolling: spend of the window ending at forecast_at (what stays of the current one + the last hour's rate)",
  }),
  used_percent: z.number(),
  unknown_requests: count,
  state: z.enum(['ok', 'forecast_exceeded', 'exceeded']),
});
