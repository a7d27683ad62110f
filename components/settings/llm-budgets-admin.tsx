'use client';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import {
  BUDGET_STATE_TEXT,
  BUDGET_STATE_TONE,
  budgetForecastWhen,
  budgetScope,
  budgetSpan,
} from '@/lib/format/llm-budget';
import { formatUsd } from '@/lib/format/usd';
import { ApiFailure } from '@/lib/swr/fetcher';
import { deleteBudget } from '@/lib/swr/llm-changes';
import type { LlmBudget } from '@/lib/swr/llm-types';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useLlmBudgets } from '@/lib/swr/use-llm-budgets';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { LlmBudgetForm } from './llm-budget-form';

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
                    {budgetScope(b)} · {budgetSpan(b)} · limit {formatUsd(b.limit_usd)}
                    {b.provisioned ? ' · from lookout.yml' : ''}
                  </span>
                  <br />
                  <span className="tabular" data-testid="budget-figures">
                    spent {formatUsd(b.spent_usd)} ({b.used_percent.toFixed(1)} %) · remaining{' '}
                    {formatUsd(b.remaining_usd)} · forecast {formatUsd(b.forecast_usd)} {budgetForecastWhen(b)} ·{' '}
                    <span className={BUDGET_STATE_TONE[b.state]} data-testid="budget-state">
                      {BUDGET_STATE_TEXT[b.state]}
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
