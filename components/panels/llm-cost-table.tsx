'use client';
import { formatCount } from '@/lib/format/number';
import { formatUsd } from '@/lib/format/usd';
import type { CostRow } from '@/lib/swr/llm-types';

/** Why a row's cost is partial: the format logged no output tokens, or some models had no price. */
export function costNote(r: Pick<CostRow, 'input_only_requests' | 'unknown_requests' | 'requests'>): string {
  const notes: string[] = [];
  if (r.input_only_requests > 0)
    notes.push(
      r.input_only_requests === r.requests ? 'input only' : `${formatCount(r.input_only_requests)} input only`,
    );
  if (r.unknown_requests > 0) notes.push(`${formatCount(r.unknown_requests)} without a price`);
  return notes.join(' · ');
}

/** Cost rows with tokens and notes; `label` names the first column (model, day, user…). */
export function LlmCostTable({ rows, label, testId }: { rows: CostRow[]; label: string; testId: string }) {
  if (rows.length === 0)
    return <p className="py-4 text-center text-sm text-muted">No LLM requests with tokens in this range.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="text-left text-muted">
          <tr>
            <th className="py-1 pr-3 font-medium">{label}</th>
            <th className="py-1 pr-3 text-right font-medium">Cost</th>
            <th className="py-1 pr-3 text-right font-medium">Requests</th>
            <th className="py-1 pr-3 text-right font-medium">Tokens in</th>
            <th className="py-1 pr-3 text-right font-medium">Tokens out</th>
            <th className="py-1 font-medium">Notes</th>
          </tr>
        </thead>
        <tbody className="tabular">
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-line" data-testid="cost-row">
              <td className="py-1 pr-3 font-medium">{r.key || 'unattributed'}</td>
              <td className="py-1 pr-3 text-right" data-testid="cost-value">
                {formatUsd(r.cost_usd)}
              </td>
              <td className="py-1 pr-3 text-right">{formatCount(r.requests)}</td>
              <td className="py-1 pr-3 text-right">{formatCount(r.input_tokens)}</td>
              <td className="py-1 pr-3 text-right">
                {r.input_only_requests === r.requests ? 'not logged' : formatCount(r.output_tokens)}
              </td>
              <td className="py-1 text-muted">{costNote(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
