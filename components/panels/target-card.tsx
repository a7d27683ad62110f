import Link from 'next/link';
import { Sparkline } from '@/components/charts/sparkline';
import { RelativeTime } from '@/components/ui/local-time';
import { MaintenanceBadge } from '@/components/ui/maintenance-badge';
import { StatusPill } from '@/components/ui/status-pill';
import { formatMs, formatPercent } from '@/lib/format/number';
import { type Point, type Target, UPTIME_WINDOWS } from '@/lib/swr/types';

export function TargetCard({
  target,
  sparkline,
  maintenance = null,
}: {
  target: Target;
  sparkline: Point[] | undefined;
  /** The name of the active maintenance window covering this target. */
  maintenance?: string | null;
}) {
  const reason = target.status === 'down' ? target.last_check?.error : null;
  return (
    <Link
      href={`/targets/${target.id}`}
      data-testid={`target-card-${target.name}`}
      data-status={target.status}
      className="block rounded-lg border border-line bg-surface p-4 hover:border-accent"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="truncate font-semibold text-fg">{target.name}</h2>
          <p className="truncate text-xs text-muted">{target.url}</p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <StatusPill status={target.status} paused={target.paused} />
          {maintenance && <MaintenanceBadge window={maintenance} />}
          <span className="text-xs text-muted">
            since <RelativeTime ts={target.since} />
          </span>
        </div>
      </div>
      <dl className="tabular mt-3 grid grid-cols-5 gap-2 text-center text-xs">
        {UPTIME_WINDOWS.map((w) => (
          <div key={w}>
            <dt className="text-muted">{w}</dt>
            <dd className="font-medium text-fg">{formatPercent(target.uptime[w])}</dd>
          </div>
        ))}
        <div>
          <dt className="text-muted">p50</dt>
          <dd className="font-medium text-fg">{formatMs(target.latency_ms.p50)}</dd>
        </div>
        <div>
          <dt className="text-muted">p95</dt>
          <dd className="font-medium text-fg">{formatMs(target.latency_ms.p95)}</dd>
        </div>
      </dl>
      <div className="mt-3">
        <Sparkline points={sparkline ?? []} label={`${target.name} latency, last hour`} />
      </div>
      {reason && (
        <p className="mt-2 truncate text-xs text-down" data-testid="down-reason" title={reason}>
          {reason}
        </p>
      )}
    </Link>
  );
}
