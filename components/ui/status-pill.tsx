import type { TargetStatus } from '@/lib/swr/types';

const STYLES: Record<TargetStatus, string> = {
  up: 'bg-up-soft text-up',
  down: 'bg-down-soft text-down',
  pending: 'bg-pending-soft text-pending',
};

export function StatusPill({ status, paused = false }: { status: TargetStatus; paused?: boolean }) {
  if (paused) {
    return (
      <span
        className="inline-flex items-center gap-1.5 rounded-full bg-surface-2 px-2.5 py-0.5 text-xs font-semibold text-muted"
        data-status="paused"
      >
        <span aria-hidden="true" className="h-2 w-2 rounded-full bg-idle" />
        paused
      </span>
    );
  }
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ${STYLES[status]}`}
      data-status={status}
    >
      <span aria-hidden="true" className="h-2 w-2 rounded-full bg-current" />
      {status}
    </span>
  );
}
