'use client';
import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { ErrorsPie } from '@/components/charts/errors-pie';
import { LatencyHistogram } from '@/components/charts/latency-histogram';
import { ProviderBars } from '@/components/charts/provider-bars';
import { RequestsChart } from '@/components/charts/requests-chart';
import { UptimeBars } from '@/components/charts/uptime-bars';
import { SloSummary } from '@/components/slo/slo-summary';
import { Notice } from '@/components/ui/notice';
import { setApiToken } from '@/lib/swr/fetcher';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useSlos } from '@/lib/swr/use-slos';
import { useStatsErrors } from '@/lib/swr/use-stats-errors';
import { useStatsLatency } from '@/lib/swr/use-stats-latency';
import { useStatsProviders } from '@/lib/swr/use-stats-providers';
import { useStatsRequests } from '@/lib/swr/use-stats-requests';
import { useTargets } from '@/lib/swr/use-targets';
import { rangeFromParams, resolveRange, type TimeRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';
import type { EmbedPanel } from './embed-panels';

const TITLES: Record<EmbedPanel, string> = {
  requests: 'Requests by provider',
  errors: 'Errors by status',
  latency: 'Response times',
  providers: 'Provider usage',
  uptime: 'Uptime',
  slo: 'Error budgets',
};

type Loaded = { data: unknown; error: unknown };

function Body({ state, children }: { state: Loaded; children: () => ReactNode }) {
  if (state.data !== undefined) return <>{children()}</>;
  if (state.error)
    return <Notice tone="error">Could not load: {state.error instanceof Error ? state.error.message : 'error'}</Notice>;
  return <div className="skeleton h-full" role="status" aria-label="Loading" />;
}

// Each panel is its own component so a frame only asks for the one endpoint it draws.
function RequestsEmbed({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const res = useStatsRequests(range, 'provider', refreshMs);
  const { from, to } = resolveRange(range, useNow() || Date.now());
  return (
    <Body state={res}>
      {() => res.data && <RequestsChart data={res.data} by="provider" domain={[from, to]} height="100%" />}
    </Body>
  );
}
function ErrorsEmbed({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const res = useStatsErrors(range, 'status', refreshMs);
  return <Body state={res}>{() => res.errors && <ErrorsPie data={res.errors} by="status" height="100%" />}</Body>;
}
function LatencyEmbed({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const res = useStatsLatency(range, refreshMs);
  return <Body state={res}>{() => res.data && <LatencyHistogram data={res.data} height="100%" />}</Body>;
}
function ProvidersEmbed({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const res = useStatsProviders(range, refreshMs);
  return (
    <Body state={res}>
      {() => res.providers && <ProviderBars data={res.providers} metric="requests" height="100%" />}
    </Body>
  );
}
function UptimeEmbed({ refreshMs }: { refreshMs: number }) {
  const res = useTargets(refreshMs);
  return <Body state={res}>{() => res.targets && <UptimeBars targets={res.targets} height="100%" />}</Body>;
}

// `?slo=NAME` (or id) narrows the panel to one SLO.
function SloEmbed({ refreshMs, only }: { refreshMs: number; only: string | null }) {
  const res = useSlos(refreshMs);
  const shown = res.slos?.filter((s) => !only || s.name === only || String(s.id) === only);
  return (
    <Body state={res}>
      {() =>
        shown && shown.length === 0 ? (
          <Notice>No SLO{only ? ` named ${only}` : 's'} yet.</Notice>
        ) : (
          <ul className="grid gap-3">
            {shown?.map((s) => (
              <SloSummary key={s.id} slo={s} big />
            ))}
          </ul>
        )
      }
    </Body>
  );
}

/** Exactly one chart filling the frame; `theme`, `from`, `to`, `refresh` and `token` come from the URL. */
export function EmbedView({ panel, token }: { panel: EmbedPanel; token: string | null }) {
  setApiToken(token);
  const params = useSearchParams();
  const refreshMs = useRefreshInterval();
  const range = rangeFromParams(params.get('from'), params.get('to'), '1h');
  const props = { range, refreshMs };
  return (
    <div className="flex h-screen w-full flex-col overflow-hidden p-2" data-testid={`embed-${panel}`}>
      {params.get('title') !== '0' && (
        <h1 className="mb-1 truncate text-sm font-semibold text-muted">{TITLES[panel]}</h1>
      )}
      <div className="min-h-0 flex-1">
        {panel === 'requests' && <RequestsEmbed {...props} />}
        {panel === 'errors' && <ErrorsEmbed {...props} />}
        {panel === 'latency' && <LatencyEmbed {...props} />}
        {panel === 'providers' && <ProvidersEmbed {...props} />}
        {panel === 'uptime' && <UptimeEmbed refreshMs={refreshMs} />}
        {panel === 'slo' && <SloEmbed refreshMs={refreshMs} only={params.get('slo')} />}
      </div>
    </div>
  );
}
