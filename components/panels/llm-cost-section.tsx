'use client';
import { Card } from '@/components/ui/card';
import { formatUsd } from '@/lib/format/usd';
import { useLlmBudgets } from '@/lib/swr/use-llm-budgets';
import { useLlmClients } from '@/lib/swr/use-llm-clients';
import { useLlmCost } from '@/lib/swr/use-llm-cost';
import { useLlmUnknown } from '@/lib/swr/use-llm-unknown';
import type { TimeRange } from '@/lib/time/range';
import { LlmBudgetsTable } from './llm-budgets-table';
import { LlmClientsTable } from './llm-clients-table';
import { LlmCostTable } from './llm-cost-table';
import { PanelBody } from './panel-body';

/** /providers: what the traffic cost per model, per day and per client, the budgets, and what could not be priced. */
export function LlmCostSection({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const byModel = useLlmCost(range, 'model', refreshMs);
  const byDay = useLlmCost(range, 'day', refreshMs);
  const { clients, error: cErr } = useLlmClients(range, refreshMs);
  const { unknown } = useLlmUnknown(range, refreshMs);
  const { budgets, error: bErr } = useLlmBudgets(refreshMs);
  const total = byModel.cost?.totals.cost_usd;
  return (
    <>
      <Card title={`Cost per model${total === undefined ? '' : ` · ${formatUsd(total)} in this range`}`}>
        <PanelBody data={byModel.cost} error={byModel.error} what="cost per model" skeleton="h-40">
          {(d) => <LlmCostTable rows={d.data} label="Provider / model" testId="cost-per-model" />}
        </PanelBody>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Top clients by cost">
          <PanelBody data={clients} error={cErr} what="top clients" skeleton="h-40">
            {(d) => <LlmClientsTable rows={d} />}
          </PanelBody>
        </Card>
        <Card title="Cost per day (UTC)">
          <PanelBody data={byDay.cost} error={byDay.error} what="cost per day" skeleton="h-40">
            {(d) => <LlmCostTable rows={d.data} label="Day" testId="cost-per-day" />}
          </PanelBody>
        </Card>
      </div>
      <Card title="Budgets · spend of each one's own window, whatever this page's range">
        <PanelBody data={budgets} error={bErr} what="budgets" skeleton="h-20">
          {(d) => <LlmBudgetsTable rows={d} />}
        </PanelBody>
      </Card>
      {unknown && (unknown.unknown_models.length > 0 || unknown.rejected.length > 0) && (
        <Card title="Not priced">
          <ul className="space-y-1 text-sm" data-testid="cost-unknown">
            {unknown.unknown_models.map((m) => (
              <li key={`${m.provider}/${m.model}`}>
                <span className="font-medium">
                  {m.provider ?? 'unknown provider'}/{m.model ?? 'unknown model'}
                </span>{' '}
                <span className="text-muted">
                  — {m.requests} requests without a price (cost unknown); set one in Settings → LLM prices
                </span>
              </li>
            ))}
            {unknown.rejected.map((r) => (
              <li key={`${r.source}/${r.reason}`}>
                <span className="font-medium">{r.source}</span>{' '}
                <span className="text-muted">
                  — {r.count} requests refused: {r.reason}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
