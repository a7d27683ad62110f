'use client';
import Link from 'next/link';
import {
  BUDGET_STATE_TEXT,
  BUDGET_STATE_TONE,
  budgetForecastWhen,
  budgetScope,
  budgetSpan,
} from '@/lib/format/llm-budget';
import { formatUsd } from '@/lib/format/usd';
import type { LlmBudget } from '@/lib/swr/llm-types';

/** /providers: each budget's spend against its limit and where its forecast lands; edited in /settings. */
export function LlmBudgetsTable({ rows }: { rows: LlmBudget[] }) {
  if (rows.length === 0)
    return (
      <p className="py-4 text-center text-sm text-muted">
        No budgets. Add one in <Link href="/settings#llm-budgets">Settings → LLM budgets</Link> or under{' '}
        <code className="font-mono">llm: budgets:</code> in lookout.yml.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="budgets-table">
        <thead className="text-left text-muted">
          <tr>
            <th className="py-1 pr-3 font-medium">Budget</th>
            <th className="py-1 pr-3 font-medium">Counts</th>
            <th className="py-1 pr-3 text-right font-medium">Spent / limit</th>
            <th className="py-1 pr-3 text-right font-medium">Forecast</th>
            <th className="py-1 font-medium">State</th>
          </tr>
        </thead>
        <tbody className="tabular">
          {rows.map((b) => (
            <tr key={b.id} className="border-t border-line" data-testid="budgets-table-row">
              <td className="py-1 pr-3">
                <span className="font-medium">{b.name}</span> <span className="text-muted">{budgetScope(b)}</span>
              </td>
              <td className="py-1 pr-3">{budgetSpan(b)}</td>
              <td className="py-1 pr-3 text-right">
                {formatUsd(b.spent_usd)} / {formatUsd(b.limit_usd)}
              </td>
              <td className="py-1 pr-3 text-right" title={budgetForecastWhen(b)}>
                {formatUsd(b.forecast_usd)}
              </td>
              <td className={`py-1 ${BUDGET_STATE_TONE[b.state]}`}>{BUDGET_STATE_TEXT[b.state]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
