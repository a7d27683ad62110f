import { RelativeTime } from '@/components/ui/local-time';
import { Notice } from '@/components/ui/notice';
import { StatTile } from '@/components/ui/stat-tile';
import { StatusPill } from '@/components/ui/status-pill';
import { formatMs, formatPercent } from '@/lib/format/number';
import { type Target, UPTIME_WINDOWS } from '@/lib/swr/types';

export function TargetHeader({ target }: { target: Target }) {
  const reason = target.status === 'down' ? target.last_check?.error : null;
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{target.name}</h1>
        <span data-testid="target-status">
          <StatusPill status={target.status} paused={target.paused} />
        </span>
        <span className="text-sm text-muted">
          since <RelativeTime ts={target.since} />
        </span>
      </div>
      <p className="break-all text-sm text-muted">
        <span className="font-mono">{target.method}</span> {target.url} · every {formatMs(target.interval_s * 1000)},
        timeout {formatMs(target.timeout_ms)}
        {target.provisioned && ' · from lookout.yml'}
      </p>
      {reason && (
        <Notice tone="error" role="status">
          <span className="font-medium">Down:</span> <span data-testid="target-reason">{reason}</span>
        </Notice>
      )}
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-5 sm:gap-3">
        {UPTIME_WINDOWS.map((w) => (
          <StatTile key={w} label={`Uptime ${w}`} value={formatPercent(target.uptime[w])} />
        ))}
        <StatTile label="p50 (24h)" value={formatMs(target.latency_ms.p50)} />
        <StatTile label="p95 (24h)" value={formatMs(target.latency_ms.p95)} />
      </div>
    </header>
  );
}
