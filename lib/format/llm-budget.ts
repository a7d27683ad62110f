/** How a budget reads for people, on /providers and /settings (docs/llm-cost.md#budgets). */
interface BudgetView {
  provider: string | null;
  model: string | null;
  client: string | null;
  window: string | null;
  period: string | null;
  forecast_at: string;
}

export const BUDGET_STATE_TEXT = {
  ok: 'on track',
  forecast_exceeded: 'forecast over the limit',
  exceeded: 'limit reached',
} as const;
export const BUDGET_STATE_TONE = { ok: 'text-up', forecast_exceeded: 'text-pending', exceeded: 'text-down' } as const;

export function budgetScope(b: BudgetView): string {
  return [b.provider, b.model, b.client && `client ${b.client}`].filter(Boolean).join(' · ') || 'all LLM traffic';
}

export function budgetSpan(b: BudgetView): string {
  return b.window ? `rolling ${b.window}` : `calendar ${b.period}`;
}

/** Where the forecast points: the period's end, or (rolling) the window ending a quarter-window from now. */
export function budgetForecastWhen(b: BudgetView): string {
  const at = `${b.forecast_at.slice(0, 16).replace('T', ' ')} UTC`;
  return b.window ? `for the ${b.window} ending ${at}` : `by ${at}`;
}
