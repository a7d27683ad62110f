'use client';
import { useSearchParams } from 'next/navigation';
import { SloPanel } from '@/components/slo/slo-panel';
import { ProcessTile } from '@/components/system/process-tile';
import { StorageBanner } from '@/components/system/storage-banner';
import { EmptyState } from '@/components/ui/empty-state';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useMaintenance } from '@/lib/swr/use-maintenance';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useSources } from '@/lib/swr/use-sources';
import { useStatsSummary } from '@/lib/swr/use-stats-summary';
import { useTargets } from '@/lib/swr/use-targets';
import { rangeFromParams } from '@/lib/time/range';
import { ErrorsPanel } from './errors-panel';
import { LatencyHistogramPanel } from './latency-histogram-panel';
import { LlmCostTiles } from './llm-cost-tiles';
import { MaintenanceStrip } from './maintenance-strip';
import { ProviderHealthStrip } from './provider-health-strip';
import { ProviderUsagePanel } from './provider-usage-panel';
import { RangePicker } from './range-picker';
import { RefreshNote } from './refresh-note';
import { RequestsPanel } from './requests-panel';
import { RoutesPanel } from './routes-panel';
import { SummaryTiles } from './summary-tiles';
import { TargetStrip } from './target-strip';
import { TargetsOverview } from './targets-overview';

export function OverviewView() {
  const params = useSearchParams();
  const refreshMs = useRefreshInterval();
  const range = rangeFromParams(params.get('from'), params.get('to'), '1h');
  const { targets } = useTargets(refreshMs);
  const { windows: maintenance } = useMaintenance(refreshMs, 'active');
  const { sources } = useSources(refreshMs);
  const { summary, error, isValidating } = useStatsSummary(range, refreshMs);
  useAuthRedirect(error);
  const noLogs = sources?.every((s) => s.lines.accepted === 0) === true;
  return (
    <div className="space-y-4">
      <StorageBanner />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RangePicker range={range} />
        <RefreshNote refreshMs={refreshMs} validating={isValidating} failed={!!error && !!summary} />
      </div>
      <SummaryTiles range={range} refreshMs={refreshMs} targets={targets} />
      <LlmCostTiles range={range} refreshMs={refreshMs} />
      <MaintenanceStrip refreshMs={refreshMs} />
      <ProviderHealthStrip refreshMs={refreshMs} />
      {targets && <TargetStrip targets={targets} maintenance={maintenance} />}
      <SloPanel refreshMs={refreshMs} />
      <ProcessTile />
      {noLogs ? (
        <EmptyState
          title={
            sources.length === 0 ? 'No log source configured — request charts need CCProxy’s log' : 'No log lines yet'
          }
        >
          {sources.length === 0 ? (
            <>
              Add a <code className="font-mono">logs:</code> entry with the path of CCProxy’s log to lookout.yml, or
              send lines with <code className="font-mono">POST /api/v1/logs?source=ccproxy</code>.
            </>
          ) : (
            <>
              Sources {sources.map((s) => s.name).join(', ')} have no lines yet. Check the path and that CCProxy runs
              with <code className="font-mono">&quot;log&quot;: true</code>.
            </>
          )}
        </EmptyState>
      ) : (
        <>
          <RequestsPanel range={range} refreshMs={refreshMs} />
          <div className="grid gap-4 lg:grid-cols-2">
            <ErrorsPanel range={range} refreshMs={refreshMs} />
            <LatencyHistogramPanel range={range} refreshMs={refreshMs} />
          </div>
          <ProviderUsagePanel range={range} refreshMs={refreshMs} />
          <RoutesPanel range={range} refreshMs={refreshMs} />
        </>
      )}
      <h2 className="pt-2 text-base font-semibold">Targets</h2>
      <TargetsOverview />
    </div>
  );
}
