'use client';
import { useSearchParams } from 'next/navigation';
import { ErrorsPie } from '@/components/charts/errors-pie';
import { ProviderLatencyBars } from '@/components/charts/provider-latency-bars';
import { RequestsChart } from '@/components/charts/requests-chart';
import { Card } from '@/components/ui/card';
import { logsHref, termFor } from '@/lib/format/drill';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useStatsModels } from '@/lib/swr/use-stats-models';
import { useStatsProviders } from '@/lib/swr/use-stats-providers';
import { useStatsRequests } from '@/lib/swr/use-stats-requests';
import { rangeFromParams, resolveRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';
import { LlmCostSection } from './llm-cost-section';
import { ModelsTable } from './models-table';
import { PanelBody } from './panel-body';
import { RangePicker } from './range-picker';
import { RefreshNote } from './refresh-note';

export function ProvidersView() {
  const params = useSearchParams();
  const refreshMs = useRefreshInterval();
  const range = rangeFromParams(params.get('from'), params.get('to'), '1h');
  const { providers, error: pErr, isValidating } = useStatsProviders(range, refreshMs);
  const { models, error: mErr } = useStatsModels(range, refreshMs);
  const byModel = useStatsRequests(range, 'model', refreshMs);
  useAuthRedirect(pErr);
  const { from, to } = resolveRange(range, useNow() || Date.now());
  const share = providers?.map((p) => ({ key: p.provider || 'unknown', count: p.requests }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RangePicker range={range} />
        <RefreshNote refreshMs={refreshMs} validating={isValidating} failed={!!pErr && !!providers} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Share of traffic">
          <PanelBody data={share} error={pErr} what="traffic share" skeleton="h-52">
            {(d) => (
              <ErrorsPie
                data={d}
                by="provider"
                label="Share of traffic by provider"
                emptyText="No requests in this range"
              />
            )}
          </PanelBody>
        </Card>
        <Card title="Latency per provider">
          <PanelBody data={providers} error={pErr} what="latency per provider" skeleton="h-52">
            {(d) => <ProviderLatencyBars data={d} />}
          </PanelBody>
        </Card>
      </div>
      <Card title="Requests by model">
        <PanelBody data={byModel.data} error={byModel.error} what="requests by model">
          {(d) => (
            <RequestsChart
              data={d}
              by="model"
              domain={[from, to]}
              hrefFor={(key) => logsHref({ ...range, q: termFor('model', key) })}
            />
          )}
        </PanelBody>
      </Card>
      <LlmCostSection range={range} refreshMs={refreshMs} />
      <Card title="Providers and models">
        <PanelBody data={models} error={mErr} what="per-model statistics" skeleton="h-40">
          {(d) => <ModelsTable data={d} range={range} />}
        </PanelBody>
      </Card>
    </div>
  );
}
