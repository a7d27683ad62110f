'use client';
import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { ProcessTile } from '@/components/system/process-tile';
import { StorageBanner } from '@/components/system/storage-banner';
import { LocalTime } from '@/components/ui/local-time';
import { WallErrors } from '@/components/wall/wall-errors';
import { WallLatency } from '@/components/wall/wall-latency';
import { WallProviders } from '@/components/wall/wall-providers';
import { WallRequests } from '@/components/wall/wall-requests';
import { WallSlos } from '@/components/wall/wall-slos';
import { ApiFailure, setApiToken } from '@/lib/swr/fetcher';
import { useHeartbeat } from '@/lib/swr/use-heartbeat';
import { useMaintenance } from '@/lib/swr/use-maintenance';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useStatsErrors } from '@/lib/swr/use-stats-errors';
import { useStatsLatency } from '@/lib/swr/use-stats-latency';
import { useStatsProviders } from '@/lib/swr/use-stats-providers';
import { useStatsRequests } from '@/lib/swr/use-stats-requests';
import { useStatsSummary } from '@/lib/swr/use-stats-summary';
import { useTargets } from '@/lib/swr/use-targets';
import { matchPreset, rangeFromParams, resolveRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';
import { LlmCostTiles } from './llm-cost-tiles';
import { MaintenanceStrip } from './maintenance-strip';
import { ProviderHealthStrip } from './provider-health-strip';
import { StaleNotice } from './stale-notice';
import { SummaryTiles } from './summary-tiles';
import { TargetStrip } from './target-strip';

function Tile({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="flex min-h-0 min-w-0 flex-col rounded-lg border border-line bg-surface p-[1.2vh]"
    >
      <h2 className="mb-[0.6vh] text-[1.8vh] font-semibold text-muted">{title}</h2>
      <div className="min-h-0 flex-1">{children}</div>
    </section>
  );
}

const Waiting = () => <div className="skeleton h-full" aria-hidden="true" />;

/** A TV across the room: big numbers, four charts, no scrolling, no navigation; charts in plain SVG, no recharts. */
export function WallView({ token }: { token: string | null }) {
  // Set before any hook fetches; the module keeps it for every later read.
  setApiToken(token);
  const params = useSearchParams();
  const refreshMs = useRefreshInterval();
  const range = rangeFromParams(params.get('from'), params.get('to'), '1h');
  const now = useNow();
  const beat = useHeartbeat(refreshMs);
  const { targets } = useTargets(refreshMs);
  const { windows: maintenance } = useMaintenance(refreshMs, 'active');
  const summary = useStatsSummary(range, refreshMs);
  const requests = useStatsRequests(range, 'provider', refreshMs);
  const { errors } = useStatsErrors(range, 'status', refreshMs);
  const latency = useStatsLatency(range, refreshMs);
  const { providers } = useStatsProviders(range, refreshMs);
  const { from, to } = resolveRange(range, now || Date.now());
  // Network failures are the heartbeat's to report; this is the server answering with an error.
  const dataError = summary.error instanceof ApiFailure ? summary.error.message : null;
  return (
    <div className="flex h-screen w-full flex-col gap-[1.2vh] overflow-hidden p-[1.5vh]" data-testid="wall">
      <header className="flex items-baseline justify-between gap-4">
        <h1 className="text-[3vh] font-semibold">
          <span aria-hidden="true" className="mr-[1vh] inline-block h-[2vh] w-[2vh] rounded-full bg-up" />
          Lookout · last {matchPreset(range) ?? 'custom range'}
        </h1>
        <LocalTime ts={now || null} className="tabular text-[2.4vh] text-muted" />
      </header>
      <StaleNotice beat={beat} refreshMs={refreshMs} dataError={dataError} />
      <StorageBanner large />
      <SummaryTiles range={range} refreshMs={refreshMs} targets={targets} wall />
      <LlmCostTiles range={range} refreshMs={refreshMs} wall />
      <MaintenanceStrip refreshMs={refreshMs} large />
      <ProviderHealthStrip refreshMs={refreshMs} large />
      {targets && <TargetStrip targets={targets} large maintenance={maintenance} />}
      <ProcessTile className="lg:grid-cols-4" />
      <WallSlos refreshMs={refreshMs} />
      <div className="grid min-h-0 flex-1 grid-cols-2 grid-rows-2 gap-[1.2vh]">
        <Tile title="Requests by provider">
          {requests.data ? <WallRequests data={requests.data} domain={[from, to]} /> : <Waiting />}
        </Tile>
        <Tile title="Errors by status">{errors ? <WallErrors data={errors} /> : <Waiting />}</Tile>
        <Tile title="Response times">{latency.data ? <WallLatency data={latency.data} /> : <Waiting />}</Tile>
        <Tile title="Provider usage">{providers ? <WallProviders data={providers} /> : <Waiting />}</Tile>
      </div>
    </div>
  );
}
