'use client';
import { useSearchParams } from 'next/navigation';
import { RangePicker } from '@/components/panels/range-picker';
import { RefreshNote } from '@/components/panels/refresh-note';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useSystem } from '@/lib/swr/use-system';
import { rangeFromParams } from '@/lib/time/range';
import { HostSection } from './host-section';
import { LogFilesSection } from './log-files-section';
import { LookoutSection } from './lookout-section';
import { ProcessesSection } from './processes-section';
import { RemoteWriteSection } from './remote-write-section';
import { StorageBanner } from './storage-banner';

/** /system: Lookout's own health first, then the watched processes, the host and the tailed files. */
export function SystemView() {
  const params = useSearchParams();
  const refreshMs = useRefreshInterval();
  const range = rangeFromParams(params.get('from'), params.get('to'), '1h');
  const { system, error, isValidating } = useSystem(refreshMs);
  useAuthRedirect(error);
  return (
    <div className="space-y-6">
      <StorageBanner />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RangePicker range={range} />
        <RefreshNote refreshMs={refreshMs} validating={isValidating} failed={!!error && !!system} />
      </div>
      {!system && error ? (
        <Notice tone="error">
          Could not load the system sample: {error instanceof Error ? error.message : String(error)}
        </Notice>
      ) : null}
      {!system && !error && <LoadingBlock label="Loading the latest system sample" className="h-32" />}
      {system && (
        <>
          {system.at === null && (
            <Notice>
              The first sample is taken within {system.interval_s} s of start; the charts fill in as samples arrive.
            </Notice>
          )}
          <LookoutSection own={system.lookout} range={range} refreshMs={refreshMs} />
          <RemoteWriteSection queues={system.remote_write} />
          <ProcessesSection system={system} range={range} refreshMs={refreshMs} />
          <HostSection host={system.host} range={range} refreshMs={refreshMs} />
          <LogFilesSection files={system.log_files} range={range} refreshMs={refreshMs} />
        </>
      )}
    </div>
  );
}
