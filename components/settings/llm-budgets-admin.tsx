'use client';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { formatUsd } from '@/lib/format/usd';
import { ApiFailure } from '@/lib/swr/fetcher';
import { deleteBudget } from '@/lib/swr/llm-changes';
import type { LlmBudget } from '@/lib/swr/llm-types';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useLlmBudgets } from '@/lib/swr/use-llm-budgets';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { LlmBudgetForm } from './llm-budget-form';

const STATE_TEXT = { ok: 'on track', forecast_exceeded: 'forecast over the limit', exceeded: 'limit reached' } as const;
const STATE_TONE = { ok: 'text-up', forecast_exceeded: 'text-pending', exceeded: 'text-down' } as const;

function spanOf(b: LlmBudget): string {
  return b.window ? `rolling ${b.window}` : `calendar ${b.period}`;
}

/** Where the forecast points: the period's end, or (rolling) the window ending a quarter-window from now. */
function forecastWhen(b: LlmBudget): string {
  const at = `${b.forecast_at.slice(0, 16).replace('T', ' ')} UTC`;
  return b.window ? `for the ${b.window} ending ${at}` : `by ${at}`;
}

function scopeOf(b: LlmBudget): string {
  return [b.provider, b.model, b.client && `client ${b.client}`].filter(Boolean).join(' · ') || 'all LLM traffic';
}

/** LLM budgets: spend so far, remaining and forecast to the end of the period; admins add and delete. */
export function LlmBudgetsAdmin({ canEdit }: { canEdit: boolean }) {
  const { budgets, error } = useLlmBudgets(useRefreshInterval());
  useAuthRedirect(error);
  const [message, setMessage] = useState<string | null>(null);
  const remove = async (b: LlmBudget) => {
    if (!window.confirm(`Delete the budget “${b.name}”?`)) return;
    try {
      await deleteBudget(b.id);
      setMessage(`Budget “${b.name}” deleted.`);
    } catch (err) {
      setMessage(err instanceof ApiFailure ? err.message : 'Deleting failed.');
    }
  };
  return (
    <Card title="LLM budgets" actions={<span id="llm-budgets" />}>
      <div className="space-y-4" data-testid="budgets-admin">
        {message && <Notice role="status">{message}</Notice>}
        {!budgets ? (
          error ? (
            <Notice tone="error">Could not load budgets: {error.message}</Notice>
          ) : (
            <div className="skeleton h-16" role="status" aria-label="Loading budgets" />
          )
        ) : budgets.length === 0 ? (
          <p className="text-sm text-muted">
            No budgets yet. Add one below or under <code className="font-mono">llm: budgets:</code> in lookout.yml;
            LLMBudgetForecastExceeded fires when a forecast passes its limit.
          </p>
        ) : (
          <ul className="divide-y divide-line">
            {budgets.map((b) => (
              <li
                key={b.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                data-testid="budget-row"
              >
                <span>
                  <span className="font-medium">{b.name}</span>{' '}
                  <span className="text-muted">
                    {scopeOf(b)} · {spanOf(b)} · limit {formatUsd(b.limit_usd)}
                    {b.provisioned ? ' · from lookout.yml' : ''}
                  </span>
                  <br />
                  <span className="tabular" data-testid="budget-figures">
                    spent {formatUsd(b.spent_usd)} ({b.used_percent.toFixed(1)} %) · remaining{' '}
                    {formatUsd(b.remaining_usd)} · forecast {formatUsd(b.forecast_usd)} {forecastWhen(b)} ·{' '}
                    <span className={STATE_TONE[b.state]} data-testid="budget-state">
                      {STATE_TEXT[b.state]}
                    </span>
                  </span>
                </span>
                {canEdit && !b.provisioned && (
                  <button type="button" className="text-down underline" onClick={() => void remove(b)}>
                    Delete
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && <LlmBudgetForm onSaved={(name) => setMessage(`Budget “${name}” added.`)} />}
      </div>
    </Card>
  );
}
