'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Notice } from '@/components/ui/notice';
import { ApiFailure } from '@/lib/swr/fetcher';
import type { Target } from '@/lib/swr/types';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useTarget } from '@/lib/swr/use-target';
import { rangeFromParams } from '@/lib/time/range';
import { ChecksTable } from './checks-table';
import { GaugesPanel } from './gauges-panel';
import { IncidentsTable } from './incidents-table';
import { LatencyPanel } from './latency-panel';
import { MaintenanceStrip } from './maintenance-strip';
import { RangePicker } from './range-picker';
import { RefreshNote } from './refresh-note';
import { StatusPanel } from './status-panel';
import { TargetHeader } from './target-header';

export function TargetDetail({ initial }: { initial: Target }) {
  const params = useSearchParams();
  const refreshMs = useRefreshInterval();
  const range = rangeFromParams(params.get('from'), params.get('to'));
  const { target, error, isValidating } = useTarget(initial.id, refreshMs, initial);
  useAuthRedirect(error);
  if (error instanceof ApiFailure && error.status === 404) {
    return (
      <Notice tone="warn" role="alert">
        This target was deleted.{' '}
        <Link href="/" className="underline">
          Back to the overview
        </Link>
      </Notice>
    );
  }
  const shown = target ?? initial;
  return (
    <div className="space-y-4">
      <TargetHeader target={shown} />
      <MaintenanceStrip refreshMs={refreshMs} target={shown.name} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RangePicker range={range} />
        <RefreshNote refreshMs={refreshMs} validating={isValidating} failed={!!error} />
      </div>
      <LatencyPanel id={shown.id} range={range} refreshMs={refreshMs} />
      <StatusPanel id={shown.id} range={range} refreshMs={refreshMs} />
      <GaugesPanel id={shown.id} range={range} refreshMs={refreshMs} />
      <div className="grid gap-4 lg:grid-cols-2">
        <IncidentsTable id={shown.id} range={range} refreshMs={refreshMs} />
        <ChecksTable id={shown.id} range={range} refreshMs={refreshMs} />
      </div>
    </div>
  );
}
