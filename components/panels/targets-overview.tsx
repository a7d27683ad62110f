'use client';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { activeWindowFor } from '@/lib/swr/maintenance-types';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useMaintenance } from '@/lib/swr/use-maintenance';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useSparklines } from '@/lib/swr/use-sparklines';
import { useTargets } from '@/lib/swr/use-targets';
import { OverviewSkeleton } from './overview-skeleton';
import { RefreshNote } from './refresh-note';
import { TargetCard } from './target-card';

export function TargetsOverview() {
  const refreshMs = useRefreshInterval();
  const { targets, error, isValidating } = useTargets(refreshMs);
  const { sparklines } = useSparklines(refreshMs);
  const { windows: maintenance } = useMaintenance(refreshMs, 'active');
  useAuthRedirect(error);
  if (!targets) {
    if (error)
      return (
        <Notice tone="error" role="alert">
          Could not load targets: {error.message}
        </Notice>
      );
    return <OverviewSkeleton />;
  }
  const down = targets.filter((t) => t.status === 'down' && !t.paused).length;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-muted">
          {targets.length} target{targets.length === 1 ? '' : 's'}
          {down > 0 && <span className="font-medium text-down"> · {down} down</span>}
        </p>
        <RefreshNote refreshMs={refreshMs} validating={isValidating} failed={!!error} />
      </div>
      {targets.length === 0 ? (
        <EmptyState title="No targets yet — add one in Settings or in lookout.yml">
          <Link href="/settings" className="font-medium text-accent underline">
            Add a target in Settings
          </Link>
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {targets.map((t) => (
            <li key={t.id}>
              <TargetCard
                target={t}
                sparkline={sparklines?.[String(t.id)]}
                maintenance={activeWindowFor(maintenance, t.name)?.name ?? null}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
