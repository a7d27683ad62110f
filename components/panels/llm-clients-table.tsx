'use client';
import { formatCount } from '@/lib/format/number';
import { formatUsd } from '@/lib/format/usd';
import type { ClientRow } from '@/lib/swr/llm-types';
import { costNote } from './llm-cost-table';

/** Who spent it: clients by cost, then tokens, with their users and the model they used most. */
export function LlmClientsTable({ rows }: { rows: ClientRow[] }) {
  if (rows.length === 0)
    return <p className="py-4 text-center text-sm text-muted">No attributed LLM requests in this range.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="top-clients">
        <thead className="text-left text-muted">
          <tr>
            <th className="py-1 pr-3 font-medium">Client</th>
            <th className="py-1 pr-3 text-right font-medium">Cost</th>
            <th className="py-1 pr-3 text-right font-medium">Share</th>
            <th className="py-1 pr-3 text-right font-medium">Requests</th>
            <th className="py-1 pr-3 text-right font-medium">Tokens</th>
            <th className="py-1 pr-3 font-medium">Top model</th>
            <th className="py-1 font-medium">Users · notes</th>
          </tr>
        </thead>
        <tbody className="tabular">
          {rows.map((r) => (
            <tr key={r.client ?? ''} className="border-t border-line" data-testid="client-row">
              <td className="py-1 pr-3 font-medium">{r.client ?? 'unattributed'}</td>
              <td className="py-1 pr-3 text-right">{formatUsd(r.cost_usd)}</td>
              <td className="py-1 pr-3 text-right">{r.share === null ? '–' : `${r.share.toFixed(1)} %`}</td>
              <td className="py-1 pr-3 text-right">{formatCount(r.requests)}</td>
              <td className="py-1 pr-3 text-right">{formatCount(r.input_tokens + r.output_tokens)}</td>
              <td className="py-1 pr-3">{r.top_model ?? '–'}</td>
              <td className="py-1 text-muted">{[r.users.join(', '), costNote(r)].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
