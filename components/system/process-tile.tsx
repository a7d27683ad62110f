'use client';
import Link from 'next/link';
import { formatBytes } from '@/lib/format/number';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useSystem } from '@/lib/swr/use-system';
import { formatCores } from './format-unit';
import { ProcessStatePill } from './process-state';

/**
 * The watched processes at a glance (state, CPU, memory) for the overview and the wall; renders
 * nothing when no process is configured. Self-contained: it reads /api/v1/system itself.
 */
export function ProcessTile({ className = '' }: { className?: string }) {
  const { system } = useSystem(useRefreshInterval());
  if (!system || system.processes.length === 0) return null;
  return (
    <div className={`grid gap-2 sm:grid-cols-2 lg:grid-cols-3 ${className}`} data-testid="process-tile">
      {system.processes.map((p) => (
        <Link
          key={p.name}
          href="/system"
          className="min-w-0 rounded-lg border border-line bg-surface px-3 py-2 hover:bg-surface-2"
          title={p.reason ?? `pid ${p.pid}`}
        >
          <div className="flex items-center justify-between gap-2">
            <span className="truncate text-sm font-medium">{p.name}</span>
            <ProcessStatePill state={p.state} reason={p.reason} />
          </div>
          <div className="tabular mt-1 flex gap-4 text-xs text-muted">
            <span>
              CPU <span className="text-fg">{formatCores(p.cpu_cores)}</span>
            </span>
            <span>
              RSS <span className="text-fg">{formatBytes(p.rss_bytes)}</span>
            </span>
            <span>
              files <span className="text-fg">{p.open_fds ?? '—'}</span>
            </span>
          </div>
        </Link>
      ))}
    </div>
  );
}
