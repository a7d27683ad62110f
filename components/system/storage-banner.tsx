'use client';
import { LocalTime } from '@/components/ui/local-time';
import { formatBytes } from '@/lib/format/number';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useSystem } from '@/lib/swr/use-system';

/**
 * A red banner while the disk under the data directory is full (docs/operations.md#full-disk), on the
 * overview, /system and the wall; nothing otherwise. It reads /api/v1/system itself.
 */
export function StorageBanner({ large = false }: { large?: boolean }) {
  const { system } = useSystem(useRefreshInterval());
  const storage = system?.storage;
  if (storage?.state !== 'full') return null;
  return (
    <div
      role="alert"
      data-testid="storage-banner"
      className={`rounded-md border-2 border-down bg-down-soft px-3 py-2 text-down ${large ? 'text-[2.4vh]' : 'text-sm'}`}
    >
      <strong className="font-semibold">Storage full</strong> since <LocalTime ts={storage.since} />
      {storage.reason ? ` (${storage.reason})` : ''}: {formatBytes(storage.free_bytes)} free on the data directory's
      disk. Log ingestion is paused and retries on its own; HTTP ingest answers 507.{' '}
      {storage.checks_pending > 0 ? `${storage.checks_pending} check results wait in memory. ` : ''}
      Free space or lower retention and Lookout resumes.
    </div>
  );
}
